"""The file format version: `PRAGMA application_id` marks the file as ours, `PRAGMA user_version` says which
format it is in. Kept free of SQLAlchemy so the checks can read it from a raw header."""

from dataclasses import dataclass

APPLICATION_ID = 0x504D4F44  # "PMOD"


@dataclass(frozen=True, order=True)
class SchemaVersion:
    """Major versions break compatibility (newer ones are refused); minor versions only add."""

    major: int
    minor: int

    @classmethod
    def from_user_version(cls, user_version: int) -> "SchemaVersion":
        return cls(user_version // 1000, user_version % 1000)

    @property
    def user_version(self) -> int:
        return self.major * 1000 + self.minor

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}"
