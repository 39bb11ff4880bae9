// The saved-cards page: Stripe's card field, a SetupIntent made once by the site for this page (POST returns its
// client secret), confirmed by Stripe.js (3-D Secure included); the site then checks it with Stripe and keeps the
// card. Errors show in the GOV.UK error summary and under the field, in the page's language.
const form = document.getElementById('save-card-form')

if (form && typeof window.Stripe === 'function') {
  const stripe = window.Stripe(form.dataset.publishableKey)
  const card = stripe.elements().create('card', { hidePostalCode: true })
  const button = document.getElementById('save-card-button')
  const summary = document.getElementById('save-errors')
  const summaryText = document.getElementById('save-error-text')
  const fieldError = document.getElementById('card-element-error')
  const fieldErrorText = document.getElementById('card-element-error-text')
  const group = document.getElementById('card-group')
  form.hidden = false
  card.mount('#card-element')

  const messageFor = (error) => {
    const code = (error && (error.decline_code || error.code)) || ''
    if (code === 'setup_intent_authentication_failure') return form.dataset.errorAuthentication
    if (/declined|insufficient_funds|lost_card|stolen_card|expired_card|do_not_honor/.test(code)) return form.dataset.errorDeclined
    if (/incorrect|invalid|incomplete/.test(code)) return form.dataset.errorCard
    return form.dataset.errorGeneral
  }
  const showError = (message) => {
    summaryText.textContent = fieldErrorText.textContent = message
    summary.hidden = fieldError.hidden = false
    group.classList.add('govuk-form-group--error')
    summary.focus()
    button.disabled = false
  }
  const post = async (url, fields) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'X-CSRFToken': form.elements.csrfmiddlewaretoken.value },
      body: new URLSearchParams(fields),
      credentials: 'same-origin'
    })
    return { ok: response.ok, answer: await response.json() }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (button.disabled) return
    button.disabled = true
    try {
      const started = await post(window.location.pathname, { attempt: form.dataset.attempt })
      if (!started.ok) return showError(started.answer.error || form.dataset.errorGeneral)
      const result = await stripe.confirmCardSetup(started.answer.client_secret, { payment_method: { card } })
      if (result.error) return showError(messageFor(result.error))
      const kept = await post(form.dataset.savedUrl, { setup_intent: result.setupIntent.id })
      if (!kept.ok) return showError(kept.answer.error || form.dataset.errorGeneral)
      window.location.assign(kept.answer.next)
    } catch (error) {
      return showError(form.dataset.errorGeneral)
    }
  })
}
