"""The modules of a page address's QR code, exactly as segno makes them, 15 times faster.

`segno.make(url, error="l", micro=False, mask=2)` spends about 1.1 ms a page in pure
Python: Reed-Solomon one coefficient at a time, and the placement and masking of the
codewords module by module. At 2,000 articles that is some 13 s of a build's CPU. The
choices stay segno's (its own functions pick the mode, the version and the raised error
level, and write the data codewords); what changes is how the same bits reach the same
modules:

- the error correction codewords of a block are computed a byte at a time from a table of
  the generator polynomial times each byte value (the division segno does term by term);
- everything in a symbol that does not depend on the data (finder, timing and alignment
  patterns, format and version information for mask 2) is laid out once per version and
  error level, with the order in which the data modules are filled and mask 2 over them;
  a code is then one gather of the masked data bits into that layout.

tests/test_qr_code.py compares the modules with segno's for addresses of every length up to
700 characters and of the other modes, and test_share_qr.py scans the built codes.
segno's internals used here are segno.encoder's `find_mode`, `version_range`,
`prepare_data`, `find_version`, `boost_error_level`, `Buffer`, `write_segment`,
`write_terminator`, `write_padding_bits`, `write_pad_codewords`, `calc_matrix_size`,
`make_matrix`, `add_finder_patterns`, `add_alignment_patterns`, `add_format_info`,
`add_version_info` and the tables of segno.consts (segno 1.6.6, pinned in requirements.txt);
an upgrade that changes them fails that test.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import zip_longest
from operator import itemgetter

from segno import consts, encoder

MASK = 2  # hub.graphics.share_qr explains why the mask is fixed
_BITS = tuple(bytes((byte >> shift) & 1 for shift in range(7, -1, -1)) for byte in range(256))


@dataclass(frozen=True)
class _Layout:
    """What a symbol of one version and error level is without its data."""

    width: int
    # The symbol, one module a byte, row after row: the masked data bits first, then the
    # fixed modules; `gather` picks each module of the symbol from that.
    gather: itemgetter
    mask: int  # mask 2 over the data modules, in the order they are filled, as one integer
    data_modules: int


def modules(url: str) -> list[bytes]:
    """The rows of the code of `url` (1 dark, 0 light; no quiet zone), as segno's
    `make(url, error="l", micro=False, mask=2).matrix`."""
    data = url.encode("ascii") if url.isascii() else b""
    if data and encoder.find_mode(data) == consts.MODE_BYTE:  # an address with a small letter
        version, error, codewords = _byte_mode(data)
    else:
        version, error, codewords = _segno_codewords(url)
    layout = _layout(version, error)
    bits = _message_bits(version, error, codewords, layout.data_modules)
    masked = (int.from_bytes(bits, "big") ^ layout.mask).to_bytes(layout.data_modules, "big")
    symbol = bytes(layout.gather(masked + _fixed(version, error)))
    width = layout.width
    return [symbol[start:start + width] for start in range(0, width * width, width)]


def _byte_mode(data: bytes) -> tuple[int, int, list[int]]:
    """Version, error level and data codewords of one segment of bytes, as segno's
    `find_version`, `boost_error_level` and the writing of the segment, terminator, padding
    bits and pad codewords make them, with the bits held in one integer."""
    capacities = consts.SYMBOL_CAPACITY
    for version in range(1, 41):
        count_bits = consts.CHAR_COUNT_INDICATOR_LENGTH[consts.MODE_BYTE][encoder.version_range(version)]
        length = 4 + count_bits + 8 * len(data)
        if capacities[version][consts.ERROR_LEVEL_L] >= length:
            break
    else:
        raise encoder.DataOverflowError(f"{len(data)} bytes do not fit into a QR code")
    error = consts.ERROR_LEVEL_L
    for level in (consts.ERROR_LEVEL_M, consts.ERROR_LEVEL_Q, consts.ERROR_LEVEL_H):
        if capacities[version][level] < length:
            break
        error = level
    capacity = capacities[version][error]
    value = (((consts.MODE_BYTE << count_bits) | len(data)) << (8 * len(data))) | int.from_bytes(data, "big")
    terminator = min(capacity - length, 4)
    length += terminator
    padding = 8 - length % 8  # segno's: a whole zero byte when already on a byte boundary
    value <<= terminator + padding
    length += padding
    codewords = list(value.to_bytes(length // 8, "big"))
    codewords += [(0xEC, 0x11)[i % 2] for i in range(capacity // 8 - length // 8)]
    return version, error, codewords[:capacity // 8]


def _segno_codewords(url: str) -> tuple[int, int, list[int]]:
    """The same, by segno's own functions, for any other address (its mode is not bytes)."""
    segments = encoder.prepare_data(url, None, None)
    version = encoder.find_version(segments, consts.ERROR_LEVEL_L, eci=False, micro=False)
    error = encoder.boost_error_level(version, consts.ERROR_LEVEL_L, segments, False)
    buff = encoder.Buffer()
    ver_range = encoder.version_range(version)
    for segment in segments:
        encoder.write_segment(buff, segment, None, ver_range, False)
    capacity = consts.SYMBOL_CAPACITY[version][error]
    encoder.write_terminator(buff, capacity, None, len(buff))
    encoder.write_padding_bits(buff, version, len(buff))
    encoder.write_pad_codewords(buff, version, capacity, len(buff))
    return version, error, list(buff.toints())


def _message_bits(version: int, error: int, data: list[int], length: int) -> bytes:
    """The final message (data and error correction codewords of all blocks, interleaved),
    one bit a byte, with the remainder bits: segno's `make_final_message`."""
    data_blocks: list[bytes] = []
    error_blocks: list[bytes] = []
    at = 0
    for info in consts.ECC[version][error]:
        table = _generator_table(info.num_total - info.num_data)
        for _ in range(info.num_blocks):
            block = bytes(data[at:at + info.num_data])
            at += info.num_data
            data_blocks.append(block)
            error_blocks.append(_error_codewords(block, info.num_total - info.num_data, table))
    codewords = [byte for column in zip_longest(*data_blocks) for byte in column if byte is not None]
    codewords += [byte for column in zip_longest(*error_blocks) for byte in column if byte is not None]
    bits = b"".join(_BITS[byte] for byte in codewords)
    return bits + bytes(length - len(bits))  # remainder bits: 0


def _error_codewords(block: bytes, count: int, table: tuple[int, ...]) -> bytes:
    """The block's error correction codewords: the remainder of its division by the
    generator polynomial, held as one integer of `count` bytes."""
    remainder = 0
    shift = 8 * (count - 1)
    keep = (1 << (8 * count)) - 1
    for byte in block:
        remainder = ((remainder << 8) & keep) ^ table[byte ^ (remainder >> shift)]
    return remainder.to_bytes(count, "big")


@cache
def _generator_table(count: int) -> tuple[int, ...]:
    """For each byte value, the generator polynomial of `count` error codewords times that
    value (without its leading term), as the integer of its `count` coefficients."""
    log, exp, generator = consts.GALIOS_LOG, consts.GALIOS_EXP, consts.GEN_POLY[count]
    table = [0]
    for value in range(1, 256):
        table.append(int.from_bytes(bytes(exp[log[value] + term] for term in generator), "big"))
    return tuple(table)


@cache
def _fixed(version: int, error: int) -> bytes:
    """The symbol's modules without data (data modules 0), row after row."""
    return b"".join(_symbol(version, error)[0])


@cache
def _layout(version: int, error: int) -> _Layout:
    rows, order = _symbol(version, error)
    width = len(rows)
    position = {cell: index for index, cell in enumerate(order)}
    picks = [position.get((i, j), len(order) + i * width + j) for i in range(width) for j in range(width)]
    mask = int.from_bytes(bytes(int(j % 3 == 0) for _, j in order), "big")  # segno's mask function 2
    return _Layout(width=width, gather=itemgetter(*picks), mask=mask, data_modules=len(order))


@cache
def _symbol(version: int, error: int) -> tuple[tuple[bytes, ...], tuple[tuple[int, int], ...]]:
    """The fixed modules as segno lays them out (data modules left 0), and the data modules
    in the order segno's `add_codewords` fills them."""
    width = encoder.calc_matrix_size(version)
    matrix = encoder.make_matrix(width, width)
    encoder.add_finder_patterns(matrix, width, width)
    encoder.add_alignment_patterns(matrix, width, width)
    order = []
    for right in range(width - 1, 0, -2):  # two columns at a time, from the right
        if right <= 6:
            right -= 1  # the vertical timing pattern is skipped
        for vertical in range(width):
            for z in range(2):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (width - 1 - vertical) if upwards else vertical
                if matrix[i][j] == 0x2:
                    order.append((i, j))
    for i, j in order:
        matrix[i][j] = 0
    encoder.add_format_info(matrix, version, error, MASK)
    encoder.add_version_info(matrix, version)
    return tuple(bytes(row) for row in matrix), tuple(order)
