"""Levier's errors. Raised inside, translated into friendly words at the edges (CLI, Slack)."""

from __future__ import annotations


class LevierError(Exception):
    """Base class. `user_message` is safe to show to a user; `str()` is for logs."""

    user_message_en = "Something went wrong on my side. Please try again in a moment."
    user_message_fr = "Un problème est survenu de mon côté. Réessayez dans un instant."

    def user_message(self, language: str = "en") -> str:
        return self.user_message_fr if language == "fr" else self.user_message_en


class KnowledgeError(LevierError):
    """The knowledge base has invalid files."""

    user_message_en = "Part of the knowledge base is invalid; an admin should run `levier doctor`."
    user_message_fr = (
        "Une partie de la base de connaissances est invalide ; un admin doit lancer "
        "`levier doctor`."
    )


class IndexUnavailable(LevierError):
    """The Chroma store could not be opened or reached."""

    user_message_en = "I cannot reach my knowledge index right now. Please try again shortly."
    user_message_fr = "Je n'arrive pas à joindre mon index de connaissances. Réessayez bientôt."


class ModelUnavailable(LevierError):
    """The language model failed, timed out or answered badly."""

    user_message_en = "The language model is unavailable; here is my offline answer."
    user_message_fr = "Le modèle de langage est indisponible ; voici ma réponse hors ligne."


class ConfigError(LevierError):
    """A setting is missing or inconsistent."""

    user_message_en = "Levier is not configured correctly; an admin should run `levier doctor`."
    user_message_fr = "Levier est mal configuré ; un admin doit lancer `levier doctor`."
