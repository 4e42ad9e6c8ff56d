import { graphql } from '../gql';

export const MunicipalitiesDoc = graphql(`
  query SteeringMunicipalities {
    municipalities
  }
`);

export const SteeringDoc = graphql(`
  query Steering($m: String!) {
    districts(municipality: $m) {
      id
      name
      population
      centre {
        lat
        lon
      }
      boundary
    }
    gapReport(municipality: $m) {
      cells {
        district {
          id
        }
        need
        activeOffers
        freePlaces
        offersPer10k
        unmetNeeds
        suppressed
        level
      }
      structuralGaps {
        kind
        district {
          id
          name
        }
        need
        offer {
          id
          title
          location {
            lat
            lon
          }
        }
        organisation {
          id
          name
        }
        language: languageCode
        detail
      }
    }
    unmetNeedCounts(filter: { municipality: $m }) {
      district {
        id
        name
      }
      need
      language: languageCode
      targetGroup
      count
      suppressed
    }
    networkReport(municipality: $m) {
      organisations
      cooperations
      density
      componentCount
    }
  }
`);

export const NetworkGraphDoc = graphql(`
  query SteeringNetwork($m: String!) {
    networkGraph(municipality: $m) {
      betweennessExact
      nodes {
        id
        organisation {
          id
          name
          kind
        }
        betweenness
        degree
        component
        isolated
        reachesJobcenter
        reachesImmigrationOffice
      }
      edges {
        source
        target
        sinceDate
        topics
      }
      proposedEdges {
        source
        target
        sinceDate
        topics
      }
    }
    networkReport(municipality: $m) {
      referralFlows {
        from {
          id
          name
        }
        to {
          id
          name
        }
        referrals
        suppressed
        cooperation
      }
    }
  }
`);

export const EgoDoc = graphql(`
  query SteeringEgo($id: ID!, $depth: Int!) {
    network(organisationId: $id, depth: $depth) {
      nodes {
        id
        organisation {
          id
          name
          kind
        }
      }
      edges {
        source
        target
      }
    }
  }
`);
