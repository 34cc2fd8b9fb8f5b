"""Qt item models over the services' plain records; they never import views or dialogs."""
