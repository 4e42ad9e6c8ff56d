// The README's example queries, as ready tabs in GraphiQL.
export interface Example {
  title: string;
  query: string;
  variables?: string;
}

export const examples: Example[] = [
  {
    title: 'Integrationskurse mit Kinderbetreuung',
    query: `# Integration courses with childcare in two districts
{
  offers(filter: {categories: [INTEGRATION_COURSE], childcare: true,
                  districtIds: ["sg-ohligs", "sg-mitte"]}, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title courseType freePlaces languageCodes provider { name } district { name } } }
  }
}
`,
  },
  {
    title: 'Volltext und Umkreis',
    query: `# Full-text search folds case and umlauts ("mutter" finds „Mütter-Café“); near adds distances
{
  offers(filter: {text: "mutter", near: {lat: 51.163, lon: 7.010, radiusKm: 3}}, orderBy: DISTANCE) {
    edges { distanceKm node { title address } }
  }
}
`,
  },
  {
    title: 'Organisation und Netzwerk',
    query: `# An organisation with its network
{
  organisation(id: "sg-org-0001") {
    name kind district { name } parent { name }
    offers { title category status }
    partners { sinceDate topics organisation { name kind } }
  }
}
`,
  },
  {
    title: 'Angebot ändern',
    query: `# Changing the directory needs a token (field above); updates are partial
mutation {
  updateOffer(id: "sg-off-0001", input: {freePlaces: 4, schedule: "Mo–Do 9:00–12:15"}) { id freePlaces updatedAt }
}
`,
  },
  {
    title: 'Passende Angebote und Hilfeplan',
    query: `# Matching and care plans (carePlan needs a case-management token)
query ($c: ClientProfile!) {
  matchOffers(client: $c, first: 5) {
    score distanceKm matchedNeeds
    reasons { kind text } warnings { kind text }
    offer { id title category childcare languageCodes provider { name } }
  }
  carePlan(client: $c) {
    items { score offer { id title } reasons { kind text } }
    coveredNeeds uncoveredNeeds
  }
}
`,
    variables: `{"c": {"needs": ["LANGUAGE", "FAMILY_CHILDCARE", "WORK", "HOUSING"], "languageCodes": ["ar"],
       "districtId": "sg-ohligs", "maxDistanceKm": 1.5, "targetGroups": ["WOMEN", "PARENTS"],
       "needsChildcare": true, "legalCircuits": ["SGB_II", "AUFENTHG"]}}
`,
  },
  {
    title: 'Lückenanalyse',
    query: `# Gap report (STEERING, CASE_MANAGER or ADMIN token)
query {
  gapReport(municipality: "Solingen", needs: [LANGUAGE, FAMILY_CHILDCARE]) {
    cells { district { name } need activeOffers freePlaces offersPer10k unmetNeeds suppressed level }
    structuralGaps { kind district { name } need offer { id title } organisation { name } languageCode detail }
  }
}
`,
  },
  {
    title: 'Netzwerkanalyse',
    query: `# Network report (STEERING, CASE_MANAGER or ADMIN token)
query {
  networkReport(municipality: "Wuppertal") {
    organisations cooperations density componentCount
    isolated { name kind }
    brokers { organisation { name } betweenness }
    kindMatrix { a b cooperations }
    noPathToJobcenter { name }  noPathToImmigrationOffice { name }
  }
}
`,
  },
  {
    title: 'Wer bin ich?',
    query: `{ me { role name organisation { id name } } }
`,
  },
];
