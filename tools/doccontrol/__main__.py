from doccontrol.cli.main import main

raise SystemExit(main())
