/* Runs first thing in <body>, before anything is painted: GOV.UK Frontend's styles for components that JavaScript
   enhances depend on these classes. A file rather than an inline script, so the Content-Security-Policy needs no
   'unsafe-inline'. */
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '')
