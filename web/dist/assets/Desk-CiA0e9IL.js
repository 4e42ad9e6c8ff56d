import{c as W,d as _,r as c,j as e,N as H,t as a,F as $,C as I,l as N,e as G,E as q,h as T,A as J,i as Q,g as V,k as X,m as ee,n as Y,b as Z,L as se,a as z,o as te,q as ae,p as ne}from"./index-Dt1yVux0.js";function re(){return{needs:[],firstLanguage:"",otherLanguages:[],districtId:"",point:"",maxDistanceKm:"",needsChildcare:!1,targetGroups:[],age:"",legalCircuits:[],freeOnly:!1}}function ie(t){const o={};t.needs.length===0&&(o.needs="Bitte mindestens einen Bedarf wählen.");const r={needs:t.needs},g=[t.firstLanguage,...t.otherLanguages.filter(n=>n!==t.firstLanguage)].filter(Boolean);if(g.length&&(r.languages=g),t.districtId&&(r.districtId=t.districtId),t.point.trim()){const n=W(t.point);n?r.location=n:o.location="Bitte Breite und Länge als Zahlen angeben, z. B. 51,163; 7,01."}if(t.maxDistanceKm.trim()){const n=_(t.maxDistanceKm);Number.isNaN(n)||n<=0?o.maxDistanceKm="Bitte eine Entfernung größer als 0 angeben.":r.maxDistanceKm=n}if(t.age.trim()){const n=Number(t.age);!Number.isInteger(n)||n<0||n>130?o.age="Bitte ein Alter zwischen 0 und 130 angeben.":r.age=n}return t.needsChildcare&&(r.needsChildcare=!0),t.targetGroups.length&&(r.targetGroups=t.targetGroups),t.legalCircuits.length&&(r.legalCircuits=t.legalCircuits),t.freeOnly&&(r.freeOnly=!0),{profile:Object.keys(o).length?null:r,errors:o}}function le(t,o){if(t.districtId)return t.districtId;if(!t.location)return null;let r=null,g=1/0;for(const n of o){if(!n.centre)continue;const p=n.centre.lat-t.location.lat,d=(n.centre.lon-t.location.lon)*Math.cos(t.location.lat*Math.PI/180),f=d*d+p*p;f<g&&(g=f,r=n.id)}return r}function ce(t,o){const r=new URLSearchParams;return r.set("angebote",t.join(",")),o&&o!=="de"&&r.set("sprache",o),`/zettel?${r.toString()}`}const de=V(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      status
    }
  }
`),oe=()=>new Date().toLocaleDateString("sv-SE",{timeZone:"Europe/Berlin"}),ue=()=>{const t=new Date;return t.setFullYear(t.getFullYear()+1),t.toLocaleDateString("sv-SE",{timeZone:"Europe/Berlin"})};function he({offerId:t,offerTitle:o,needs:r,onClose:g}){const n=c.useId(),[p,d]=c.useState(""),[f,x]=c.useState(r),[y,O]=c.useState(""),[S,k]=c.useState(oe()),[D,F]=c.useState(ue()),[C,K]=c.useState("WRITTEN"),[E,B]=c.useState(!0),[v,L]=c.useState({}),[w,R]=c.useState(null),[l,m]=c.useState(!1),[U,P]=c.useState(!1);async function A(i){i.preventDefault(),P(!0),L({}),R(null);const u=["NEEDS",...y.trim()?["NOTE"]:[],...E?["OUTCOME"]:[]];try{await T(de,{input:{caseRef:p.trim(),offerId:t,needs:f,note:y.trim()||null,consent:{givenOn:S,validUntil:D,form:C,shares:u}}}),m(!0)}catch(j){j instanceof J&&j.kind==="bad-input"?L(Q(j.errors)):R(j)}finally{P(!1)}}if(l)return e.jsx(H,{children:a.refer.sent(o)});const b=i=>v[i]??v[`consent.${i}`],s=i=>({"aria-invalid":b(i)?!0:void 0,"aria-describedby":b(i)?`${n}-${i}-e`:void 0}),h=v.consent;return e.jsxs("form",{className:"refer",onSubmit:A,noValidate:!0,"aria-labelledby":`${n}-h`,children:[e.jsx("h4",{id:`${n}-h`,children:a.refer.title(o)}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-cr`,children:a.refer.caseRef}),e.jsx("span",{className:"hint",id:`${n}-crh`,children:a.refer.caseRefHint}),e.jsx("input",{id:`${n}-cr`,value:p,onChange:i=>d(i.target.value),autoComplete:"off",...s("caseRef"),"aria-describedby":`${n}-crh${b("caseRef")?` ${n}-caseRef-e`:""}`}),e.jsx($,{id:`${n}-caseRef-e`,messages:b("caseRef")})]}),e.jsx(I,{legend:a.refer.needs,name:"refer-needs",options:r.map(i=>[i,N("need",i)]),value:f,onChange:x,error:v.needs,columns:!1}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-note`,children:a.refer.note}),e.jsx("textarea",{id:`${n}-note`,rows:2,maxLength:500,value:y,onChange:i=>O(i.target.value),...s("note")}),e.jsx($,{id:`${n}-note-e`,messages:b("note")})]}),e.jsxs("fieldset",{children:[e.jsx("legend",{children:a.refer.consent}),e.jsxs("div",{className:"row",children:[e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-go`,children:a.refer.givenOn}),e.jsx("input",{id:`${n}-go`,type:"date",value:S,onChange:i=>k(i.target.value)})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-vu`,children:a.refer.validUntil}),e.jsx("input",{id:`${n}-vu`,type:"date",value:D,onChange:i=>F(i.target.value)})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-fo`,children:a.refer.form}),e.jsx("select",{id:`${n}-fo`,value:C,onChange:i=>K(i.target.value),children:Object.entries(G.consentForm).map(([i,u])=>e.jsx("option",{value:i,children:u},i))})]})]}),e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:E,onChange:i=>B(i.target.checked)})," ",a.refer.shareOutcome]}),e.jsx($,{id:`${n}-consent-e`,messages:h})]}),e.jsx($,{id:`${n}-other-e`,messages:v[""]}),e.jsx(q,{error:w}),e.jsxs("div",{className:"row",children:[e.jsx("button",{type:"submit",className:"primary",disabled:U,children:a.refer.send}),e.jsx("button",{type:"button",onClick:g,children:a.refer.cancel})]})]})}const me=V(`
  query DeskMatch($c: ClientProfile!) {
    matchOffers(client: $c, first: 10) {
      score
      distanceKm
      matchedNeeds
      reasons {
        code
        text
      }
      warnings {
        code
        text
      }
      offer {
        id: localId
        title
        category
        childcare
        languages
        freePlaces
        capacity
        schedule
        address
        digital
        district {
          name
        }
        provider {
          name
        }
      }
    }
    carePlan(client: $c) {
      coveredNeeds
      uncoveredNeeds
      items {
        score
        matchedNeeds
        reasons {
          code
          text
        }
        warnings {
          code
          text
        }
        offer {
          id: localId
          title
          provider {
            name
          }
        }
      }
    }
  }
`),ge=V(`
  mutation RecordUnmetNeed($input: UnmetNeedInput!) {
    recordUnmetNeed(input: $input) {
      id
      need
      recordedOn
      district {
        name
      }
    }
  }
`),M=t=>Object.entries(t);function pe(){const[t,o]=c.useState(re()),[r,g]=c.useState({}),[n,p]=c.useState(null),[d,f]=c.useState(null),[x,y]=c.useState(null),[O,S]=c.useState(!1),[k,D]=c.useState([]),[F,C]=c.useState({}),[K,E]=c.useState(null),[B,v]=c.useState(null),{me:L}=X(),w=ee(),R=w.data?.districts??[],l=c.useId();c.useEffect(()=>{document.title=`${a.nav.desk} – ${a.app.name}`},[]);const m=s=>o(h=>({...h,...s}));async function U(s){s.preventDefault();const{profile:h,errors:i}=ie(t);if(g(i),!!h){S(!0),y(null),C({});try{const u=await T(me,{c:h});p(u),f(h),D(u.carePlan.items.map(j=>j.offer.id))}catch(u){y(u)}finally{S(!1)}}}async function P(s){if(!d)return;const h=le(d,R);if(!h){E(null),C(i=>({...i,[s]:a.desk.recordNeedsPlace}));return}try{const i=d.targetGroups?.find(j=>j!=="ALL"),u=await T(ge,{input:{need:s,districtId:h,language:d.languages?.[0]??null,targetGroup:i??null}});C(j=>({...j,[s]:a.desk.recorded(N("need",u.recordUnmetNeed.need),u.recordUnmetNeed.district.name)}))}catch(i){E(i)}}const A=(s,h)=>D(i=>h?[...i.filter(u=>u!==s),s]:i.filter(u=>u!==s)),b=L.role==="CASE_MANAGER"&&!!L.organisation;return e.jsxs("div",{className:"desk",children:[e.jsx("h1",{children:a.desk.title}),e.jsx("p",{className:"lead",children:a.desk.intro}),e.jsxs("div",{className:"two-col",children:[e.jsxs("form",{onSubmit:U,noValidate:!0,"aria-labelledby":`${l}-ph`,className:"filters",children:[e.jsx("h2",{id:`${l}-ph`,children:a.desk.profile}),e.jsx(I,{legend:a.desk.needs,name:"needs",options:M(G.need),value:t.needs,onChange:s=>m({needs:s}),error:r.needs?[r.needs]:void 0,columns:!1}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-fl`,children:a.desk.firstLanguage}),e.jsxs("select",{id:`${l}-fl`,value:t.firstLanguage,onChange:s=>m({firstLanguage:s.target.value}),children:[e.jsx("option",{value:"",children:a.desk.noLanguage}),Y.map(s=>e.jsx("option",{value:s,children:Z(s)},s))]})]}),e.jsxs("details",{className:"group",children:[e.jsx("summary",{children:a.desk.otherLanguages}),e.jsx(I,{legend:a.desk.otherLanguages,name:"otherLanguages",options:Y.filter(s=>s!==t.firstLanguage).map(s=>[s,Z(s)]),value:t.otherLanguages,onChange:s=>m({otherLanguages:s})})]}),e.jsxs("fieldset",{children:[e.jsx("legend",{children:a.desk.place}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-d`,children:a.desk.district}),e.jsxs("select",{id:`${l}-d`,value:t.districtId,onChange:s=>m({districtId:s.target.value}),children:[e.jsx("option",{value:"",children:a.desk.noDistrict}),R.map(s=>e.jsxs("option",{value:s.id,children:[s.name," (",s.municipality,")"]},s.id))]})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-pt`,children:a.desk.point}),e.jsx("input",{id:`${l}-pt`,value:t.point,onChange:s=>m({point:s.target.value}),"aria-invalid":r.location?!0:void 0,"aria-describedby":r.location?`${l}-pte`:void 0}),e.jsx($,{id:`${l}-pte`,messages:r.location?[r.location]:void 0})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-md`,children:a.desk.maxDistance}),e.jsx("input",{id:`${l}-md`,inputMode:"decimal",value:t.maxDistanceKm,onChange:s=>m({maxDistanceKm:s.target.value}),"aria-invalid":r.maxDistanceKm?!0:void 0,"aria-describedby":r.maxDistanceKm?`${l}-mde`:void 0}),e.jsx($,{id:`${l}-mde`,messages:r.maxDistanceKm?[r.maxDistanceKm]:void 0})]})]}),e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:t.needsChildcare,onChange:s=>m({needsChildcare:s.target.checked})})," ",a.desk.childcare]}),e.jsxs("details",{className:"group",children:[e.jsx("summary",{children:a.desk.targetGroups}),e.jsx(I,{legend:a.desk.targetGroups,name:"targetGroups",options:M(G.targetGroup).filter(([s])=>s!=="ALL"),value:t.targetGroups,onChange:s=>m({targetGroups:s})})]}),e.jsxs("details",{className:"group",children:[e.jsx("summary",{children:a.desk.legalCircuits}),e.jsx(I,{legend:a.desk.legalCircuits,name:"legalCircuits",options:M(G.legalCircuit),value:t.legalCircuits,onChange:s=>m({legalCircuits:s})})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-age`,children:a.desk.age}),e.jsx("input",{id:`${l}-age`,inputMode:"numeric",value:t.age,onChange:s=>m({age:s.target.value}),"aria-invalid":r.age?!0:void 0,"aria-describedby":r.age?`${l}-agee`:void 0}),e.jsx($,{id:`${l}-agee`,messages:r.age?[r.age]:void 0})]}),e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:t.freeOnly,onChange:s=>m({freeOnly:s.target.checked})})," ",a.desk.freeOnly]}),e.jsx("p",{children:e.jsx("button",{type:"submit",className:"primary",disabled:O,children:a.desk.submit})})]}),e.jsxs("div",{"aria-live":"polite",children:[e.jsx(q,{error:x??w.error}),O&&e.jsx(se,{}),n&&e.jsxs(e.Fragment,{children:[e.jsxs("section",{"aria-labelledby":`${l}-cp`,className:"care-plan",children:[e.jsx("h2",{id:`${l}-cp`,children:a.desk.carePlan}),e.jsx("ol",{children:n.carePlan.items.map(s=>e.jsxs("li",{children:[e.jsx(z,{to:`/angebote/${encodeURIComponent(s.offer.id)}`,children:s.offer.title})," – ",s.offer.provider.name," ",e.jsxs("span",{className:"muted",children:["(",s.matchedNeeds.map(h=>N("need",h)).join(", "),")"]})]},s.offer.id))}),e.jsxs("p",{children:[e.jsxs("strong",{children:[a.desk.covered,":"]})," ",n.carePlan.coveredNeeds.map(s=>N("need",s)).join(", ")||"–"]}),n.carePlan.uncoveredNeeds.length===0?e.jsx("p",{children:a.desk.allCovered}):e.jsxs("div",{children:[e.jsxs("strong",{children:[a.desk.uncovered,":"]}),e.jsx("ul",{"data-testid":"uncovered",children:n.carePlan.uncoveredNeeds.map(s=>e.jsxs("li",{children:[N("need",s)," ",F[s]?e.jsx(H,{children:F[s]}):e.jsxs("button",{type:"button",className:"small",onClick:()=>P(s),children:[a.desk.record,e.jsxs("span",{className:"visually-hidden",children:[": ",N("need",s)]})]})]},s))}),e.jsx(q,{error:K})]})]}),e.jsxs("section",{"aria-labelledby":`${l}-slip`,className:"slip-box",children:[e.jsx("h2",{id:`${l}-slip`,children:a.desk.slip}),e.jsx("p",{children:a.desk.slipCount(k.length)}),k.length>0&&e.jsx(z,{className:"button primary",to:ce(k,d?.languages?.[0]??""),children:a.desk.openSlip})]}),e.jsxs("section",{"aria-labelledby":`${l}-m`,children:[e.jsx("h2",{id:`${l}-m`,children:a.desk.matches}),n.matchOffers.length===0&&e.jsx("p",{children:a.desk.noMatches}),e.jsx("ol",{className:"offers","data-testid":"matches",children:n.matchOffers.map(s=>e.jsx(fe,{m:s,onSlip:k.includes(s.offer.id),toggle:A,canRefer:b,referring:B===s.offer.id,setReferring:v},s.offer.id))})]})]})]})]})]})}function fe({m:t,onSlip:o,toggle:r,canRefer:g,referring:n,setReferring:p}){const d=t.offer,f=c.useId();return e.jsxs("li",{className:"match",children:[e.jsx("h3",{id:`${f}-t`,children:e.jsx(z,{to:`/angebote/${encodeURIComponent(d.id)}`,children:d.title})}),e.jsxs("p",{className:"meta",children:[e.jsxs("span",{className:"score",children:[a.desk.score," ",te(t.score)]})," ","· ",N("category",d.category)," · ",d.provider.name,t.distanceKm!=null&&e.jsxs(e.Fragment,{children:[" · ",a.offer.distance(ae(t.distanceKm))]})," · ",a.offer.places,": ",ne(d.freePlaces,d.capacity)]}),t.reasons.length>0&&e.jsx("ul",{className:"reasons","aria-label":a.desk.reasons,children:t.reasons.map(x=>e.jsx("li",{children:x.text},x.code))}),t.warnings.length>0&&e.jsx("ul",{className:"warnings","aria-label":a.desk.warnings,children:t.warnings.map(x=>e.jsx("li",{children:x.text},x.code))}),e.jsxs("div",{className:"row",children:[e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:o,onChange:x=>r(d.id,x.target.checked),"aria-describedby":`${f}-t`})," ",a.desk.onSlip]}),g&&!n&&e.jsx("button",{type:"button",className:"small",onClick:()=>p(d.id),"aria-describedby":`${f}-t`,children:a.refer.open})]}),g&&n&&e.jsx(he,{offerId:d.id,offerTitle:d.title,needs:t.matchedNeeds,onClose:()=>p(null)})]})}export{pe as default};
