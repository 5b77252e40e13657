"""Capturing the approval evidence a forge keeps outside Git (GitHub's reviews) into Git."""
