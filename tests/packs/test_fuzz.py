"""Whatever the bytes, the loader gives a Pack or a PackError, never anything else."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.packs.loader import load_pack_bytes
from quiz.packs.model import Pack
from quiz.packs.problems import PackError

GOOD = (Path(__file__).parent.parent / "fixtures" / "good" / "mini.yaml").read_bytes()
YAMLISH = st.sampled_from(
    [b"\n", b" ", b"  ", b"\t", b"-", b"- ", b":", b": ", b"[", b"]", b"{", b"}", b",", b"&a ",
     b"*a", b"!!str ", b"<<: ", b"'", b'"', b"#", b"---\n", b"...\n", b"|\n", b">-\n", b"?",
     b"\xff", b"\x00", b"\xef\xbb\xbf", b"id: x\n", b"type: number\n", b"answer: ", b"1e9"]
)  # fmt: skip


def outcome(data: bytes) -> str:
    try:
        return "pack" if isinstance(load_pack_bytes(data, "fuzz.yaml"), Pack) else "other"
    except PackError as error:
        assert error.problems, "a PackError always carries at least one problem"
        assert all(p.line >= 1 and p.column >= 1 for p in error.problems)
        return "error"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_give_a_pack_or_a_pack_error(data: bytes) -> None:
    assert outcome(data) in ("pack", "error")


@st.composite
def mutated_pack(draw: st.DrawFn) -> bytes:
    data = bytearray(GOOD)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            data[at:at] = draw(YAMLISH)
        elif action == "delete":
            data[at : at + draw(st.integers(1, 40))] = b""
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 80))]
    return bytes(data)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_pack())
def test_mutated_valid_packs_give_a_pack_or_a_pack_error(data: bytes) -> None:
    assert outcome(data) in ("pack", "error")


def test_the_unmutated_pack_loads() -> None:
    assert outcome(GOOD) == "pack"
