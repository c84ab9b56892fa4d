"""The craft sectors' colours: one per sector, the same on every page and in every language."""

from __future__ import annotations

from db.reference import craft_sectors

# One colour per craft sector (db/reference/craft_sectors.csv), the same on every page, each
# at 3:1 or more against white (vermillion 3.9, brown 6.4, purple 5.3, green 5.7, blue 5.2,
# indigo 12.2, grey 5.1); the bars keep their sector's name beside them and their figure in
# INK on white, so a sector is never told by colour alone.
SECTOR_COLOURS = {"food": "#D55E00", "furniture_interior": "#8C510A",
                  "textile_fashion": "#AA4499", "wood": "#117733", "ceramics": "#0072B2",
                  "luxury_jewellery": "#332288", "other": "#6E6E6E"}


def sector_colours() -> dict[str, str]:
    """Each sector's colour keyed by its code and by its name in every language, so a chart
    whose sectors were named for the reader still finds them."""
    colours = dict(SECTOR_COLOURS)
    for sector in craft_sectors():
        for name in (sector.name_fr, sector.name_nl, sector.name_en):
            colours[name] = SECTOR_COLOURS[sector.code]
    return colours
