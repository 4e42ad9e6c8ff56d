import{k as $,u as I,r as o,t as s,j as e,E,L as D,f as L,a as y,l as c,x as b,e as A,N as T,g as N,h as O}from"./index-B_t-UE1t.js";const w=N(`
  query ReferralList($filter: ReferralFilter, $after: String) {
    referrals(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ReferralRow
        }
      }
    }
  }
  fragment ReferralRow on Referral {
    id
    caseRef
    offerId
    needs
    note
    status
    reason
    nextStatuses
    createdAt
    updatedAt
    erasedAt
    from {
      id: localId
      name
    }
    offer {
      id: localId
      title
    }
    history {
      status
      at
      reason
    }
  }
`),_=N(`
  mutation UpdateReferralStatus($id: ID!, $status: ReferralStatus!, $reason: ReferralReason) {
    updateReferralStatus(id: $id, status: $status, reason: $reason) {
      ...ReferralRow
    }
  }
`);function q(){const{me:a}=$(),i=a.role==="PARTNER",l=I(w,{filter:{direction:i?"RECEIVED":"SENT"},after:null}),[n,t]=o.useState([]),f=o.useId();return o.useEffect(()=>{l.data&&t(l.data.referrals.edges.map(d=>d.node))},[l.data]),o.useEffect(()=>{document.title=`${s.referrals.nav} – ${s.app.name}`},[]),e.jsxs("section",{"aria-labelledby":`${f}-h`,children:[e.jsx("h1",{id:`${f}-h`,children:i?s.referrals.titleReceived:s.referrals.titleSent}),e.jsx("p",{className:"lead",children:i?s.referrals.introReceived:s.referrals.introSent}),e.jsx(E,{error:l.error,onRetry:l.reload}),l.loading&&!l.data&&e.jsx(D,{}),l.data&&n.length===0&&e.jsx("p",{children:s.referrals.none}),n.length>0&&e.jsxs("table",{className:"offers-table","data-testid":"referrals",children:[e.jsx("caption",{className:"visually-hidden",children:i?s.referrals.titleReceived:s.referrals.titleSent}),e.jsx("thead",{children:e.jsxs("tr",{children:[e.jsx("th",{scope:"col",children:s.referrals.caseRef}),e.jsx("th",{scope:"col",children:s.referrals.offer}),e.jsx("th",{scope:"col",children:s.referrals.needs}),e.jsx("th",{scope:"col",children:s.referrals.status}),e.jsx("th",{scope:"col",children:s.referrals.setStatus})]})}),e.jsx("tbody",{children:n.map(d=>e.jsx(F,{r:d,received:i,onChange:u=>t(x=>x.map(h=>h.id===u.id?u:h))},d.id))})]})]})}function F({r:a,received:i,onChange:l}){const n=o.useId(),[t,f]=o.useState(""),[d,u]=o.useState(""),[x,h]=o.useState(null),[m,g]=o.useState(""),[j,R]=o.useState(!1),p=t==="DECLINED"||t==="CANCELLED",S=t==="DECLINED"?["NO_CAPACITY","NOT_ELIGIBLE","NOT_REACHABLE","CLIENT_DECLINED","OTHER"]:["NOT_REACHABLE","CLIENT_DECLINED","OTHER",...a.status==="ACCEPTED"?["NO_SHOW"]:[]];async function C(){if(t){if(t==="DECLINED"&&!d){R(!0);return}R(!1),h(null);try{const r=await O(_,{id:a.id,status:t,reason:p&&d?d:null});l(r.updateReferralStatus),g(s.referrals.changed(c("referralStatus",r.updateReferralStatus.status))),f(""),u("")}catch(r){h(r)}}}return e.jsxs("tr",{children:[e.jsxs("td",{children:[a.caseRef??e.jsx("span",{className:"muted",children:s.referrals.erased}),e.jsxs("div",{className:"muted",children:[s.referrals.sentAt," ",L(a.createdAt),i&&a.from&&e.jsxs(e.Fragment,{children:[" ",s.referrals.from," ",a.from.name]})]})]}),e.jsxs("td",{children:[a.offer?e.jsx(y,{to:`/angebote/${encodeURIComponent(a.offer.id)}`,children:a.offer.title}):s.referrals.deletedOffer,a.note&&e.jsxs("div",{className:"muted",children:[s.referrals.note,": ",a.note]})]}),e.jsx("td",{children:a.needs.map(r=>c("need",r)).join(", ")}),e.jsxs("td",{children:[e.jsx("strong",{children:c("referralStatus",a.status)}),a.reason&&e.jsxs(e.Fragment,{children:[" (",c("referralReason",a.reason),")"]}),e.jsxs("details",{children:[e.jsx("summary",{children:s.referrals.history}),e.jsx("ol",{children:a.history.map((r,v)=>e.jsxs("li",{children:[b(r.at),": ",c("referralStatus",r.status),r.reason&&e.jsxs(e.Fragment,{children:[" (",c("referralReason",r.reason),")"]})]},v))})]})]}),e.jsxs("td",{children:[a.nextStatuses.length>0?e.jsxs("div",{className:"row",children:[e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-n`,children:s.referrals.setStatus}),e.jsxs("select",{id:`${n}-n`,value:t,onChange:r=>f(r.target.value),children:[e.jsx("option",{value:"",children:"–"}),a.nextStatuses.map(r=>e.jsx("option",{value:r,children:c("referralAction",r)},r))]})]}),p&&e.jsxs("div",{className:"field",children:[e.jsx("label",{htmlFor:`${n}-r`,children:s.referrals.reason}),e.jsxs("select",{id:`${n}-r`,value:d,onChange:r=>u(r.target.value),"aria-invalid":j||void 0,"aria-describedby":j?`${n}-re`:void 0,children:[e.jsx("option",{value:"",children:s.referrals.chooseReason}),S.map(r=>e.jsx("option",{value:r,children:A.referralReason[r]},r))]}),j&&e.jsx("p",{className:"field-error",id:`${n}-re`,children:s.referrals.reasonNeeded})]}),e.jsx("button",{type:"button",onClick:C,disabled:!t,children:s.referrals.apply})]}):"–",m&&e.jsx(T,{children:m}),e.jsx(E,{error:x})]})]})}export{q as default};
