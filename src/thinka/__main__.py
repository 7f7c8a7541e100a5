import sys

from thinka.editors.cli import main

sys.exit(main())
