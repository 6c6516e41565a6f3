"""``python -m govinfo_report``: the command line."""

from govinfo_report.cli import main

if __name__ == "__main__":  # importing this module (pkgutil.walk_packages) must not run it
    main()
