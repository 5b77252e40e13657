"""History: the change history (变更履历) of every document and the approval trail, derived
from the first-parent line of the main branch in one streaming pass over Git."""
