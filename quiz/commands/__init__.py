"""One module per `quiz` subcommand with `run(args) -> int`; arguments.py declares arguments."""
