"""The application: workflows the window and the command line share, without Qt."""
