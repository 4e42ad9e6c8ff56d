const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/MapView-D8sFfrys.js","assets/index-B_t-UE1t.js","assets/index-DZ5nCbyj.css","assets/leaflet-D29jPuwS.js","assets/leaflet-WVuN2HsW.css"])))=>i.map(i=>d[i]);
import{c as q,d as X,r as i,j as e,N as Q,t as a,F as k,C as O,l as b,e as K,E as V,h as z,A as ee,i as se,g as Z,k as te,m as ae,n as H,b as W,o as ne,L as J,a as Y,_ as re,q as ie,s as le,p as ce}from"./index-B_t-UE1t.js";function de(){return{needs:[],firstLanguage:"",otherLanguages:[],districtId:"",point:"",maxDistanceKm:"",needsChildcare:!1,targetGroups:[],age:"",legalCircuits:[],freeOnly:!1}}function oe(t){const d={};t.needs.length===0&&(d.needs="Bitte mindestens einen Bedarf wählen.");const r={needs:t.needs},m=[t.firstLanguage,...t.otherLanguages.filter(n=>n!==t.firstLanguage)].filter(Boolean);if(m.length&&(r.languageCodes=m),t.districtId&&(r.districtId=t.districtId),t.point.trim()){const n=q(t.point);n?r.location=n:d.location="Bitte Breite und Länge als Zahlen angeben, z. B. 51,163; 7,01."}if(t.maxDistanceKm.trim()){const n=X(t.maxDistanceKm);Number.isNaN(n)||n<=0?d.maxDistanceKm="Bitte eine Entfernung größer als 0 angeben.":r.maxDistanceKm=n}if(t.age.trim()){const n=Number(t.age);!Number.isInteger(n)||n<0||n>130?d.age="Bitte ein Alter zwischen 0 und 130 angeben.":r.age=n}return t.needsChildcare&&(r.needsChildcare=!0),t.targetGroups.length&&(r.targetGroups=t.targetGroups),t.legalCircuits.length&&(r.legalCircuits=t.legalCircuits),t.freeOnly&&(r.freeOnly=!0),{profile:Object.keys(d).length?null:r,errors:d}}function ue(t,d){if(t.districtId)return t.districtId;if(!t.location)return null;let r=null,m=1/0;for(const n of d){if(!n.centre)continue;const p=n.centre.lat-t.location.lat,c=(n.centre.lon-t.location.lon)*Math.cos(t.location.lat*Math.PI/180),g=c*c+p*p;g<m&&(m=g,r=n.id)}return r}function he(t,d){const r=new URLSearchParams;return r.set("angebote",t.join(",")),d&&d!=="de"&&r.set("sprache",d),`/zettel?${r.toString()}`}const me=Z(`
  mutation CreateReferral($input: CreateReferralInput!) {
    createReferral(input: $input) {
      id
      status
    }
  }
`),ge=()=>new Date().toLocaleDateString("sv-SE",{timeZone:"Europe/Berlin"}),fe=()=>{const t=new Date;return t.setFullYear(t.getFullYear()+1),t.toLocaleDateString("sv-SE",{timeZone:"Europe/Berlin"})};function xe({offerId:t,offerTitle:d,needs:r,onClose:m}){const n=i.useId(),[p,c]=i.useState(""),[g,f]=i.useState(r),[N,P]=i.useState(""),[$,y]=i.useState(ge()),[S,w]=i.useState(fe()),[C,B]=i.useState("WRITTEN"),[D,M]=i.useState(!0),[j,E]=i.useState({}),[U,L]=i.useState(null),[F,R]=i.useState(!1),[l,u]=i.useState(!1);async function A(s){s.preventDefault(),u(!0),E({}),L(null);const o=["NEEDS",...N.trim()?["NOTE"]:[],...D?["OUTCOME"]:[]];try{await z(me,{input:{caseRef:p.trim(),offerId:t,needs:g,note:N.trim()||null,consent:{givenOn:$,validUntil:S,form:C,shares:o}}}),R(!0)}catch(h){h instanceof ee&&h.kind==="bad-input"?E(se(h.errors)):L(h)}finally{u(!1)}}if(F)return e.jsx(Q,{children:a.refer.sent(d)});const v=s=>j[s]??j[`consent.${s}`],G=s=>({"aria-invalid":v(s)?!0:void 0,"aria-describedby":v(s)?`${n}-${s}-e`:void 0}),_=j.consent;return e.jsxs("form",{className:"refer",onSubmit:A,noValidate:!0,"aria-labelledby":`${n}-h`,children:[e.jsx("h4",{id:`${n}-h`,children:a.refer.title(d)}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-cr`,children:a.refer.caseRef}),e.jsx("span",{className:"hint",id:`${n}-crh`,children:a.refer.caseRefHint}),e.jsx("input",{id:`${n}-cr`,value:p,onChange:s=>c(s.target.value),autoComplete:"off",...G("caseRef"),"aria-describedby":`${n}-crh${v("caseRef")?` ${n}-caseRef-e`:""}`}),e.jsx(k,{id:`${n}-caseRef-e`,messages:v("caseRef")})]}),e.jsx(O,{legend:a.refer.needs,name:"refer-needs",options:r.map(s=>[s,b("need",s)]),value:g,onChange:f,error:j.needs,columns:!1}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-note`,children:a.refer.note}),e.jsx("textarea",{id:`${n}-note`,rows:2,maxLength:500,value:N,onChange:s=>P(s.target.value),...G("note")}),e.jsx(k,{id:`${n}-note-e`,messages:v("note")})]}),e.jsxs("fieldset",{children:[e.jsx("legend",{children:a.refer.consent}),e.jsxs("div",{className:"row",children:[e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-go`,children:a.refer.givenOn}),e.jsx("input",{id:`${n}-go`,type:"date",value:$,onChange:s=>y(s.target.value)})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-vu`,children:a.refer.validUntil}),e.jsx("input",{id:`${n}-vu`,type:"date",value:S,onChange:s=>w(s.target.value)})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-fo`,children:a.refer.form}),e.jsx("select",{id:`${n}-fo`,value:C,onChange:s=>B(s.target.value),children:Object.entries(K.consentForm).map(([s,o])=>e.jsx("option",{value:s,children:o},s))})]})]}),e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:D,onChange:s=>M(s.target.checked)})," ",a.refer.shareOutcome]}),e.jsx(k,{id:`${n}-consent-e`,messages:_})]}),e.jsx(k,{id:`${n}-other-e`,messages:j[""]}),e.jsx(V,{error:U}),e.jsxs("div",{className:"row",children:[e.jsx("button",{type:"submit",className:"primary",disabled:l,children:a.refer.send}),e.jsx("button",{type:"button",onClick:m,children:a.refer.cancel})]})]})}const pe=Z(`
  query DeskMatch($c: ClientProfile!) {
    matchOffers(client: $c, first: 10) {
      score
      distanceKm
      matchedNeeds
      reasons {
        kind
        text
      }
      warnings {
        kind
        text
      }
      offer {
        id: localId
        title
        category
        childcare
        languages: languageCodes
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
          kind
          text
        }
        warnings {
          kind
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
`),je=Z(`
  mutation RecordUnmetNeed($input: UnmetNeedInput!) {
    recordUnmetNeed(input: $input) {
      id
      need
      recordedDate
      district {
        name
      }
    }
  }
`),ve=i.lazy(()=>re(()=>import("./MapView-D8sFfrys.js"),__vite__mapDeps([0,1,2,3,4]))),T=t=>Object.entries(t);function Ne(){const[t,d]=i.useState(de()),[r,m]=i.useState({}),[n,p]=i.useState(null),[c,g]=i.useState(null),[f,N]=i.useState(null),[P,$]=i.useState(!1),[y,S]=i.useState([]),[w,C]=i.useState({}),[B,D]=i.useState(null),[M,j]=i.useState(null),[E,U]=i.useState(!1),{me:L}=te(),F=ae(),R=F.data?.districts??[],l=i.useId();i.useEffect(()=>{document.title=`${a.nav.desk} – ${a.app.name}`},[]);const u=s=>d(o=>({...o,...s}));async function A(s){s.preventDefault();const{profile:o,errors:h}=oe(t);if(m(h),!!o){$(!0),N(null),C({});try{const x=await z(pe,{c:o});p(x),g(o),S(x.carePlan.items.map(I=>I.offer.id))}catch(x){N(x)}finally{$(!1)}}}async function v(s){if(!c)return;const o=ue(c,R);if(!o){D(null),C(h=>({...h,[s]:a.desk.recordNeedsPlace}));return}try{const h=c.targetGroups?.find(I=>I!=="ALL"),x=await z(je,{input:{need:s,districtId:o,languageCode:c.languageCodes?.[0]??null,targetGroup:h??null}});C(I=>({...I,[s]:a.desk.recorded(b("need",x.recordUnmetNeed.need),x.recordUnmetNeed.district.name)}))}catch(h){D(h)}}const G=(s,o)=>S(h=>o?[...h.filter(x=>x!==s),s]:h.filter(x=>x!==s)),_=L.role==="CASE_MANAGER"&&!!L.organisation;return e.jsxs("div",{className:"desk",children:[e.jsx("h1",{children:a.desk.title}),e.jsx("p",{className:"lead",children:a.desk.intro}),e.jsxs("div",{className:"two-col",children:[e.jsxs("form",{onSubmit:A,noValidate:!0,"aria-labelledby":`${l}-ph`,className:"filters",children:[e.jsx("h2",{id:`${l}-ph`,children:a.desk.profile}),e.jsx(O,{legend:a.desk.needs,name:"needs",options:T(K.need),value:t.needs,onChange:s=>u({needs:s}),error:r.needs?[r.needs]:void 0,columns:!1}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-fl`,children:a.desk.firstLanguage}),e.jsxs("select",{id:`${l}-fl`,value:t.firstLanguage,onChange:s=>u({firstLanguage:s.target.value}),children:[e.jsx("option",{value:"",children:a.desk.noLanguage}),H.map(s=>e.jsx("option",{value:s,children:W(s)},s))]})]}),e.jsxs("details",{className:"group",children:[e.jsx("summary",{children:a.desk.otherLanguages}),e.jsx(O,{legend:a.desk.otherLanguages,name:"otherLanguages",options:H.filter(s=>s!==t.firstLanguage).map(s=>[s,W(s)]),value:t.otherLanguages,onChange:s=>u({otherLanguages:s})})]}),e.jsxs("fieldset",{children:[e.jsx("legend",{children:a.desk.place}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-d`,children:a.desk.district}),e.jsxs("select",{id:`${l}-d`,value:t.districtId,onChange:s=>u({districtId:s.target.value}),children:[e.jsx("option",{value:"",children:a.desk.noDistrict}),R.map(s=>e.jsxs("option",{value:s.id,children:[s.name," (",s.municipality,")"]},s.id))]})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-pt`,children:a.desk.point}),e.jsx("input",{id:`${l}-pt`,value:t.point,onChange:s=>u({point:s.target.value}),"aria-invalid":r.location?!0:void 0,"aria-describedby":r.location?`${l}-pte`:void 0}),e.jsx(k,{id:`${l}-pte`,messages:r.location?[r.location]:void 0}),e.jsx("button",{type:"button",className:"small","aria-expanded":E,onClick:()=>U(s=>!s),children:a.desk.pickOnMap})]}),E&&e.jsx(i.Suspense,{fallback:e.jsx(J,{}),children:e.jsx("div",{className:"map-picker",children:e.jsx(ve,{districts:R,offers:[],centre:q(t.point)?{...q(t.point),radiusKm:.1}:null,label:a.desk.pickOnMap,onPick:s=>u({point:ne(s),districtId:""})})})}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-md`,children:a.desk.maxDistance}),e.jsx("input",{id:`${l}-md`,inputMode:"decimal",value:t.maxDistanceKm,onChange:s=>u({maxDistanceKm:s.target.value}),"aria-invalid":r.maxDistanceKm?!0:void 0,"aria-describedby":r.maxDistanceKm?`${l}-mde`:void 0}),e.jsx(k,{id:`${l}-mde`,messages:r.maxDistanceKm?[r.maxDistanceKm]:void 0})]})]}),e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:t.needsChildcare,onChange:s=>u({needsChildcare:s.target.checked})})," ",a.desk.childcare]}),e.jsxs("details",{className:"group",children:[e.jsx("summary",{children:a.desk.targetGroups}),e.jsx(O,{legend:a.desk.targetGroups,name:"targetGroups",options:T(K.targetGroup).filter(([s])=>s!=="ALL"),value:t.targetGroups,onChange:s=>u({targetGroups:s})})]}),e.jsxs("details",{className:"group",children:[e.jsx("summary",{children:a.desk.legalCircuits}),e.jsx(O,{legend:a.desk.legalCircuits,name:"legalCircuits",options:T(K.legalCircuit),value:t.legalCircuits,onChange:s=>u({legalCircuits:s})})]}),e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${l}-age`,children:a.desk.age}),e.jsx("input",{id:`${l}-age`,inputMode:"numeric",value:t.age,onChange:s=>u({age:s.target.value}),"aria-invalid":r.age?!0:void 0,"aria-describedby":r.age?`${l}-agee`:void 0}),e.jsx(k,{id:`${l}-agee`,messages:r.age?[r.age]:void 0})]}),e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:t.freeOnly,onChange:s=>u({freeOnly:s.target.checked})})," ",a.desk.freeOnly]}),e.jsx("p",{children:e.jsx("button",{type:"submit",className:"primary",disabled:P,children:a.desk.submit})})]}),e.jsxs("div",{"aria-live":"polite",children:[e.jsx(V,{error:f??F.error}),P&&e.jsx(J,{}),n&&e.jsxs(e.Fragment,{children:[e.jsxs("section",{"aria-labelledby":`${l}-cp`,className:"care-plan",children:[e.jsx("h2",{id:`${l}-cp`,children:a.desk.carePlan}),e.jsx("ol",{children:n.carePlan.items.map(s=>e.jsxs("li",{children:[e.jsx(Y,{to:`/angebote/${encodeURIComponent(s.offer.id)}`,children:s.offer.title})," – ",s.offer.provider.name," ",e.jsxs("span",{className:"muted",children:["(",s.matchedNeeds.map(o=>b("need",o)).join(", "),")"]})]},s.offer.id))}),e.jsxs("p",{children:[e.jsxs("strong",{children:[a.desk.covered,":"]})," ",n.carePlan.coveredNeeds.map(s=>b("need",s)).join(", ")||"–"]}),n.carePlan.uncoveredNeeds.length===0?e.jsx("p",{children:a.desk.allCovered}):e.jsxs("div",{children:[e.jsxs("strong",{children:[a.desk.uncovered,":"]}),e.jsx("ul",{"data-testid":"uncovered",children:n.carePlan.uncoveredNeeds.map(s=>e.jsxs("li",{children:[b("need",s)," ",w[s]?e.jsx(Q,{children:w[s]}):e.jsxs("button",{type:"button",className:"small",onClick:()=>v(s),children:[a.desk.record,e.jsxs("span",{className:"visually-hidden",children:[": ",b("need",s)]})]})]},s))}),e.jsx(V,{error:B})]})]}),e.jsxs("section",{"aria-labelledby":`${l}-slip`,className:"slip-box",children:[e.jsx("h2",{id:`${l}-slip`,children:a.desk.slip}),e.jsx("p",{children:a.desk.slipCount(y.length)}),y.length>0&&e.jsx(Y,{className:"button primary",to:he(y,c?.languageCodes?.[0]??""),children:a.desk.openSlip})]}),e.jsxs("section",{"aria-labelledby":`${l}-m`,children:[e.jsx("h2",{id:`${l}-m`,children:a.desk.matches}),n.matchOffers.length===0&&e.jsx("p",{children:a.desk.noMatches}),e.jsx("ol",{className:"offers","data-testid":"matches",children:n.matchOffers.map(s=>e.jsx(be,{m:s,onSlip:y.includes(s.offer.id),toggle:G,canRefer:_,referring:M===s.offer.id,setReferring:j},s.offer.id))})]})]})]})]})]})}function be({m:t,onSlip:d,toggle:r,canRefer:m,referring:n,setReferring:p}){const c=t.offer,g=i.useId();return e.jsxs("li",{className:"match",children:[e.jsx("h3",{id:`${g}-t`,children:e.jsx(Y,{to:`/angebote/${encodeURIComponent(c.id)}`,children:c.title})}),e.jsxs("p",{className:"meta",children:[e.jsxs("span",{className:"score",children:[a.desk.score," ",ie(t.score)]})," ","· ",b("category",c.category)," · ",c.provider.name,t.distanceKm!=null&&e.jsxs(e.Fragment,{children:[" · ",a.offer.distance(le(t.distanceKm))]})," · ",a.offer.places,": ",ce(c.freePlaces,c.capacity)]}),t.reasons.length>0&&e.jsx("ul",{className:"reasons","aria-label":a.desk.reasons,children:t.reasons.map(f=>e.jsx("li",{children:f.text},f.kind))}),t.warnings.length>0&&e.jsx("ul",{className:"warnings","aria-label":a.desk.warnings,children:t.warnings.map(f=>e.jsx("li",{children:f.text},f.kind))}),e.jsxs("div",{className:"row",children:[e.jsxs("label",{className:"inline",children:[e.jsx("input",{type:"checkbox",checked:d,onChange:f=>r(c.id,f.target.checked),"aria-describedby":`${g}-t`})," ",a.desk.onSlip]}),m&&!n&&e.jsx("button",{type:"button",className:"small",onClick:()=>p(c.id),"aria-describedby":`${g}-t`,children:a.refer.open})]}),m&&n&&e.jsx(xe,{offerId:c.id,offerTitle:c.title,needs:t.matchedNeeds,onClose:()=>p(null)})]})}export{Ne as default};
