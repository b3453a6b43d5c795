"""Small widgets the screens share: choices, scoreboard, timer bar, excerpt and reveal."""
