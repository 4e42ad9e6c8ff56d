import{u as f,r as h,t as i,j as e,L as j,E as p,a as c,l as n,b as x,p as g,f as l,g as u}from"./index-B_t-UE1t.js";const m=u(`
  query OfferPage($id: ID!) {
    offer(id: $id) {
      id: localId
      title
      description
      category
      courseType
      needs
      targetGroups
      languages: languageCodes
      legalCircuits
      childcare
      cost
      capacity
      freePlaces
      schedule
      ageMin
      ageMax
      funding
      status
      digital
      address
      contact
      updatedAt
      district {
        id: localId
        name
        municipality
      }
      provider {
        id: localId
        name
        kind
        address
        website
        email
        phone
        parent {
          id: localId
          name
        }
        offers {
          id: localId
          title
        }
        partners {
          sinceDate
          topics
          organisation {
            id: localId
            name
            kind
          }
        }
      }
    }
  }
`);function b({params:o}){const a=f(m,{id:o.id}),r=a.data?.offer;if(h.useEffect(()=>{r&&(document.title=`${r.title} – ${i.app.name}`)},[r]),a.loading&&!a.data)return e.jsx(j,{});if(a.error)return e.jsx(p,{error:a.error,onRetry:a.reload});if(!r)return e.jsxs("section",{children:[e.jsx("h1",{children:i.offer.notFound}),e.jsx("p",{children:e.jsx(c,{to:"/",children:i.offer.back})})]});const d=r.provider,t=d.offers.filter(s=>s.id!==r.id);return e.jsxs("article",{className:"offer-page",children:[e.jsx("p",{className:"back no-print",children:e.jsxs("a",{href:"/",onClick:s=>{history.length>1&&(s.preventDefault(),history.back())},children:["← ",i.offer.back]})}),e.jsx("h1",{children:r.title}),e.jsxs("p",{className:"meta",children:[e.jsx("span",{className:"tag",children:n("category",r.category)}),r.courseType&&e.jsxs(e.Fragment,{children:[" ",n("courseType",r.courseType)]})," · ",n("status",r.status)]}),r.description&&e.jsx("p",{className:"lead",children:r.description}),e.jsxs("dl",{className:"facts-table",children:[e.jsx("dt",{children:i.offer.provider}),e.jsxs("dd",{children:[d.name," (",n("organisationKind",d.kind),")",d.parent&&e.jsxs(e.Fragment,{children:[", ",i.offer.partOf," ",d.parent.name]})]}),e.jsx("dt",{children:i.offer.address}),e.jsx("dd",{children:r.digital?i.offer.digital:r.address||(r.district?`${r.district.name}, ${r.district.municipality}`:"–")}),r.district&&e.jsxs(e.Fragment,{children:[e.jsx("dt",{children:i.offer.district}),e.jsxs("dd",{children:[r.district.name," (",r.district.municipality,")"]})]}),e.jsx("dt",{children:i.offer.schedule}),e.jsx("dd",{children:r.schedule||"–"}),e.jsx("dt",{children:i.offer.languages}),e.jsx("dd",{children:r.languages.map(x).join(", ")}),e.jsx("dt",{children:i.offer.places}),e.jsx("dd",{"data-testid":"places",children:g(r.freePlaces,r.capacity)}),e.jsx("dt",{children:i.offer.childcare}),e.jsx("dd",{children:r.childcare?i.yes:i.no}),e.jsx("dt",{children:i.offer.cost}),e.jsx("dd",{children:n("cost",r.cost)}),e.jsx("dt",{children:i.offer.age}),e.jsx("dd",{children:i.offer.ageRange(r.ageMin,r.ageMax)}),e.jsx("dt",{children:i.offer.needs}),e.jsx("dd",{children:r.needs.map(s=>n("need",s)).join(", ")}),e.jsx("dt",{children:i.offer.targetGroups}),e.jsx("dd",{children:r.targetGroups.map(s=>n("targetGroup",s)).join(", ")||n("targetGroup","ALL")}),e.jsx("dt",{children:i.offer.legalCircuits}),e.jsx("dd",{children:r.legalCircuits.map(s=>n("legalCircuit",s)).join(", ")||i.offer.allCircuits}),e.jsx("dt",{children:i.offer.funding}),e.jsx("dd",{children:n("funding",r.funding)}),e.jsx("dt",{children:i.offer.contact}),e.jsxs("dd",{children:[r.contact&&e.jsx("div",{children:r.contact}),d.phone&&e.jsxs("div",{children:[i.offer.phone,": ",d.phone]}),d.email&&e.jsxs("div",{children:[i.offer.email,": ",e.jsx("a",{href:`mailto:${d.email}`,children:d.email})]}),d.website&&e.jsxs("div",{children:[i.offer.website,": ",e.jsx("a",{href:d.website,rel:"noopener noreferrer",children:d.website})]}),!r.contact&&!d.phone&&!d.email&&!d.website&&"–"]}),e.jsx("dt",{children:i.offer.updated}),e.jsx("dd",{children:l(r.updatedAt)})]}),e.jsxs("section",{"aria-labelledby":"network-h",children:[e.jsx("h2",{id:"network-h",children:i.offer.network}),e.jsx("p",{children:i.offer.networkIntro(d.partners.length)}),d.partners.length>0&&e.jsx("ul",{className:"partners",children:d.partners.map(s=>e.jsxs("li",{children:[s.organisation.name," ",e.jsxs("span",{className:"muted",children:["(",n("organisationKind",s.organisation.kind),")"]}),s.sinceDate&&e.jsxs(e.Fragment,{children:[" · ",i.offer.since(l(s.sinceDate))]}),s.topics.length>0&&e.jsxs(e.Fragment,{children:[" · ",s.topics.join(", ")]})]},s.organisation.id))})]}),t.length>0&&e.jsxs("section",{"aria-labelledby":"others-h",children:[e.jsx("h2",{id:"others-h",children:i.offer.otherOffers}),e.jsx("ul",{children:t.map(s=>e.jsx("li",{children:e.jsx(c,{to:`/angebote/${encodeURIComponent(s.id)}`,children:s.title})},s.id))})]})]})}export{b as default};
