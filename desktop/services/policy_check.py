"""What the policy file still lacks that the law needs the desk to tell people: warned at start-up.

A service-level check so the GUI and the CLI say the same; it reads only the loaded policy.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.policy import Policy

__all__ = ["PolicyWarning", "policy_warnings"]


@dataclass(frozen=True)
class PolicyWarning:
    key: str
    nb: str
    en: str
    sv: str

    def text(self, lang: str) -> str:
        return self.nb if lang == "nb" else self.sv if lang == "sv" else self.en


def policy_warnings(policy: Policy) -> tuple[PolicyWarning, ...]:
    """Gaps an administrator must close in the policy file (`resources/policy/*.toml`)."""
    out: list[PolicyWarning] = []
    if policy.processing_location.transfer_details_missing:
        out.append(PolicyWarning(
            key="transfers",
            nb="Personvernerklæringen oppgir ikke hvilke land utenfor EU/EØS opplysninger overføres til, eller "
               "overføringsgrunnlaget (art. 45/46). Fyll inn transfer_countries og transfer_instrument under "
               "[processing_location] i policyfilen. Til da sier registerutskriftene at opplysningene er etterspurt.",
            en="The privacy policy names no country outside the EU/EEA that data is transferred to, and no transfer "
               "instrument (Art. 45/46). Fill in transfer_countries and transfer_instrument under "
               "[processing_location] in the policy file. Until then register copies say the information has "
               "been asked for.",
            sv="Integritetspolicyn anger inte till vilka länder utanför EU/EES uppgifter överförs, eller "
               "överföringsgrunden (art. 45/46). Fyll i transfer_countries och transfer_instrument under "
               "[processing_location] i policyfilen. Till dess anger registerutdragen att uppgifterna är begärda.",
        ))
    return tuple(out)
