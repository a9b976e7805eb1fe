"""Is an upload really audio? Decided from its first bytes, not its name."""

SIGNATURES = [
    (0, b"ID3"),  # MP3 with ID3 tag
    (0, b"\xff\xfb"),  # MP3 frame
    (0, b"\xff\xf3"),
    (0, b"\xff\xf2"),
    (0, b"OggS"),  # Ogg / Opus
    (0, b"fLaC"),
    (0, b"#!AMR"),  # Android voice notes
    (4, b"ftypM4A"),  # AAC in MP4
    (4, b"ftypisom"),
    (4, b"ftyp3gp"),
    (0, b"\x1aE\xdf\xa3"),  # WebM (browser recordings)
]


def is_audio(upload):
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return True
    return any(head[offset : offset + len(sig)] == sig for offset, sig in SIGNATURES)
