"""The base of every enumeration a record's field takes its values from."""

import enum

__all__ = ["Vocabulary"]


class Vocabulary(enum.Enum):
    """An enumeration whose members hash by identity.

    A member equals itself only (as every `enum.Enum` member does), so its
    identity is a valid hash; `enum.Enum` hashes a member's name instead, in
    Python, which the analysis paid for in every set and dict of areas,
    kinds and statuses. Members, values, order, pickling and equality are
    unchanged.

    Example:
        >>> from bilateral import CooperationArea
        >>> {CooperationArea.ENERGY: 1}[CooperationArea.ENERGY]
        1
    """

    __hash__ = object.__hash__
