from newswatch.cli import main

# Guarded: the backtest's worker processes (multiprocessing "spawn") import this module
# again, and must not run the command a second time.
if __name__ == "__main__":
    raise SystemExit(main())
