import sys

from .scratch_course import main

sys.exit(main())
