from bianmin.cli import main

raise SystemExit(main())
