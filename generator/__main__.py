import sys

try:
    from .cli import main

    code = main()
except KeyboardInterrupt:
    # Ctrl-C while the toolchain is still importing: main() is not running yet.
    print("interrupted; nothing was half-written.", file=sys.stderr)
    code = 130
sys.exit(code)
