import{v as k,r as u,h as S,t as d,j as s,a as y,b as m,E as w,L as N,f as B,g as L}from"./index-B_t-UE1t.js";const c={de:{title:"Angebote für Sie",intro:"Bitte nehmen Sie Kontakt mit diesen Stellen auf. Bringen Sie diesen Zettel mit.",provider:"Träger",address:"Adresse",schedule:"Zeiten",contact:"Kontakt",languages:"Sprachen",online:"online"},en:{title:"Services for you",intro:"Please get in touch with these services. Bring this sheet with you.",provider:"Provider",address:"Address",schedule:"Times",contact:"Contact",languages:"Languages",online:"online"},ar:{title:"خدمات لك",intro:"يرجى التواصل مع هذه الجهات. أحضر هذه الورقة معك.",provider:"الجهة المقدمة",address:"العنوان",schedule:"المواعيد",contact:"التواصل",languages:"اللغات",online:"عبر الإنترنت"},tr:{title:"Size uygun hizmetler",intro:"Lütfen bu kurumlarla iletişime geçin. Bu kâğıdı yanınızda getirin.",provider:"Kurum",address:"Adres",schedule:"Saatler",contact:"İletişim",languages:"Diller",online:"çevrim içi"},uk:{title:"Послуги для вас",intro:"Будь ласка, зверніться до цих установ. Візьміть цей аркуш із собою.",provider:"Організація",address:"Адреса",schedule:"Час",contact:"Контакт",languages:"Мови",online:"онлайн"},fa:{title:"خدمات برای شما",intro:"لطفاً با این مراکز تماس بگیرید. این برگه را همراه خود بیاورید.",provider:"ارائه‌دهنده",address:"نشانی",schedule:"زمان‌ها",contact:"تماس",languages:"زبان‌ها",online:"آنلاین"},ru:{title:"Услуги для вас",intro:"Пожалуйста, свяжитесь с этими организациями. Возьмите этот лист с собой.",provider:"Организация",address:"Адрес",schedule:"Время",contact:"Контакт",languages:"Языки",online:"онлайн"},fr:{title:"Services pour vous",intro:"Veuillez contacter ces services. Apportez cette feuille avec vous.",provider:"Organisme",address:"Adresse",schedule:"Horaires",contact:"Contact",languages:"Langues",online:"en ligne"}},A=new Set(["ar","fa","he","ur","ps","ckb","yi","dv"]),f=i=>A.has(i);function D(i){return!i||i==="de"?null:c[i]??null}const E=L(`
  query SlipOffer($id: ID!) {
    offer(id: $id) {
          id: localId
          title
          address
          digital
          schedule
          contact
          languages: languageCodes
          district {
            name
            municipality
          }
          provider {
            name
            address
            phone
            email
            website
          }
    }
  }
`);function z(){const{search:i}=k(),h=(i.get("angebote")??"").split(",").map(e=>e.trim()).filter(Boolean).slice(0,20),r=i.get("sprache")??"",a=D(r),g=h.join(","),[v,p]=u.useState({loading:!0}),[x,j]=u.useState(0);u.useEffect(()=>{let e=!0;return p({loading:!0}),Promise.all(g.split(",").filter(Boolean).map(t=>S(E,{id:t}))).then(t=>e&&p({offers:t.map(l=>l.offer).filter(l=>!!l),loading:!1})).catch(t=>e&&p({error:t,loading:!1})),()=>{e=!1}},[g,x]);const o={...v,reload:()=>j(e=>e+1)};u.useEffect(()=>{document.title=`${c.de.title} – ${d.app.name}`},[]);const b=o.offers??[],n=({k:e,level:t="h2"})=>{const l=t;return s.jsxs(l,{className:"bi",children:[s.jsx("span",{children:c.de[e]}),a&&s.jsx("span",{lang:r,dir:f(r)?"rtl":"ltr",children:a[e]})]})};return s.jsxs("article",{className:"slip","data-testid":"slip",children:[s.jsxs("div",{className:"row no-print",children:[s.jsx("button",{type:"button",className:"primary",onClick:()=>window.print(),children:d.slip.print}),s.jsx(y,{to:"/beratung",children:d.slip.backToDesk}),r&&!a&&r!=="de"&&s.jsxs("span",{className:"muted",children:["(",m(r),": nur deutsche Überschriften)"]})]}),s.jsx(n,{k:"title",level:"h1"}),s.jsxs("p",{className:"bi",children:[s.jsx("span",{children:c.de.intro}),a&&s.jsx("span",{lang:r,dir:f(r)?"rtl":"ltr",children:a.intro})]}),h.length===0&&s.jsx("p",{children:d.slip.empty}),s.jsx(w,{error:o.error,onRetry:o.reload}),o.loading&&s.jsx(N,{}),b.map(e=>s.jsxs("section",{className:"slip-offer","aria-label":e.title,children:[s.jsx("h2",{children:e.title}),s.jsxs("dl",{children:[s.jsx(n,{k:"provider",level:"dt"}),s.jsx("dd",{children:e.provider.name}),s.jsx(n,{k:"address",level:"dt"}),s.jsx("dd",{children:e.digital?c.de.online:e.address||e.provider.address||(e.district?`${e.district.name}, ${e.district.municipality}`:"–")}),s.jsx(n,{k:"schedule",level:"dt"}),s.jsx("dd",{children:e.schedule||"–"}),s.jsx(n,{k:"contact",level:"dt"}),s.jsxs("dd",{children:[(e.contact?[e.contact]:[e.provider.phone,e.provider.email,e.provider.website].filter(Boolean)).map(t=>s.jsx("div",{children:t},t)),!e.contact&&![e.provider.phone,e.provider.email,e.provider.website].some(Boolean)&&"–"]}),s.jsx(n,{k:"languages",level:"dt"}),s.jsx("dd",{children:e.languages.map(m).join(", ")})]})]},e.id)),s.jsx("p",{className:"muted",children:d.slip.created(B(new Date))})]})}export{z as default};
