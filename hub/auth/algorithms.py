"""The signature algorithms the hub accepts, and the joserfc registry that enforces them."""

from __future__ import annotations

from collections.abc import Collection

from joserfc.errors import UnsupportedAlgorithmError
from joserfc.jwa import JWSAlgModel
from joserfc.jws import JWSRegistry

#: Asymmetric algorithms only: no "none", no HS* (a shared secret would let the hub forge tokens).
SUPPORTED_ALGORITHMS: tuple[str, ...] = ("RS256", "ES256", "EdDSA")


class StrictRegistry(JWSRegistry):
    """A JWS registry that allows exactly the algorithms it is given, and nothing by default.

    joserfc warns (SecurityWarning) on every use of "EdDSA" because RFC 9864 deprecates the
    polymorphic name in favour of "Ed25519"; the name is not insecure, identity providers still
    issue it, and joserfc checks that the key is an Ed25519/Ed448 key. We accept it quietly.
    """

    def get_alg(self, name: str) -> JWSAlgModel:
        if not self.allowed or name not in self.allowed or name not in self.algorithms:
            raise UnsupportedAlgorithmError("Algorithm is not allowed")
        return self.algorithms[name]


def registry_for(algorithms: Collection[str]) -> StrictRegistry:
    """A registry allowing `algorithms`, each of which must be one of SUPPORTED_ALGORITHMS."""
    if not algorithms:
        raise ValueError("at least one algorithm is needed")
    unknown = sorted(set(algorithms) - set(SUPPORTED_ALGORITHMS))
    if unknown:
        raise ValueError(f"algorithms must be among {', '.join(SUPPORTED_ALGORITHMS)}: {unknown}")
    # strict_check_header=False: unknown, non-critical header parameters are ignored (RFC 7515
    # section 4); "crit" and "b64" are refused by the verifier before joserfc sees the token.
    return StrictRegistry(algorithms=tuple(algorithms), strict_check_header=False)
