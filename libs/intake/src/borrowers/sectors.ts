// The fixed sector list of api.md, with the Indonesian labels the UI shows.
export const SECTORS = {
  CULINARY: { id: 'Kuliner', en: 'Culinary' },
  CRAFT_BATIK: { id: 'Kerajinan batik', en: 'Batik craft' },
  CRAFT_WEAVING: { id: 'Tenun / endek', en: 'Weaving' },
  CRAFT_WOODCARVING: { id: 'Ukir kayu', en: 'Woodcarving' },
  CRAFT_PLAITING: { id: 'Anyaman', en: 'Plaiting' },
  FASHION: { id: 'Busana', en: 'Fashion' },
  TRADE: { id: 'Perdagangan', en: 'Trade' },
  AGRICULTURE: { id: 'Pertanian (mis. lidah buaya)', en: 'Agriculture (e.g. aloe vera)' },
  FISHERY: { id: 'Perikanan', en: 'Fishery' },
  SERVICES: { id: 'Jasa', en: 'Services' },
  OTHER: { id: 'Lainnya', en: 'Other' },
} as const;

export type Sector = keyof typeof SECTORS;
export const SECTOR_CODES = Object.keys(SECTORS) as Sector[];
