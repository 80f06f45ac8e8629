from bilateral.cli.main import main

if __name__ == "__main__":  # worker processes (spawned) import this module again and must not run the command
    main()
