"""The History that games are saved in: the game's History protocol kept in the SQLite store."""
