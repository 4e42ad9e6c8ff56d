import { graphql } from '../gql';
import { useQuery } from './useQuery';

export const DistrictsDoc = graphql(`
  query Districts {
    districts {
      # The local id (sg-ohligs): readable in URLs (bezirk=…), accepted by every filter.
      id: localId
      name
      municipality
      population
      centre {
        lat
        lon
      }
      radiusKm
      boundary
    }
  }
`);

// Every district (a few dozen), with centre and radius for maps and near-searches.
export function useDistricts() {
  return useQuery(DistrictsDoc, {});
}
