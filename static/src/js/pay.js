// The pay page: Stripe's card field (or one of the person's saved cards), a payment made once by the site (POST
// returns its client secret), confirmed by Stripe.js (3-D Secure included). Errors show in the GOV.UK error summary
// and under the field, in the page's language.
const form = document.getElementById('pay-form')

if (form && typeof window.Stripe === 'function') {
  const stripe = window.Stripe(form.dataset.publishableKey)
  const card = stripe.elements().create('card', { hidePostalCode: true })
  const button = document.getElementById('pay-button')
  const summary = document.getElementById('pay-errors')
  const summaryText = document.getElementById('pay-error-text')
  const fieldError = document.getElementById('card-element-error')
  const fieldErrorText = document.getElementById('card-element-error-text')
  const group = document.getElementById('card-group')
  const choices = Array.from(form.querySelectorAll('input[name="card"]'))
  const savedCard = () => (choices.find((input) => input.checked) || { value: '' }).value
  const showCardField = () => { group.hidden = savedCard() !== '' }
  choices.forEach((input) => input.addEventListener('change', showCardField))
  showCardField()
  form.hidden = false
  card.mount('#card-element')

  const messageFor = (error) => {
    const code = (error && (error.decline_code || error.code)) || ''
    if (code === 'payment_intent_authentication_failure') return form.dataset.errorAuthentication
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

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (button.disabled) return
    button.disabled = true
    let answer
    try {
      const body = new URLSearchParams({ card: savedCard() })
      const response = await fetch(window.location.pathname, {
        method: 'POST',
        headers: { Accept: 'application/json', 'X-CSRFToken': form.elements.csrfmiddlewaretoken.value },
        body,
        credentials: 'same-origin'
      })
      answer = await response.json()
      if (!response.ok) return showError(answer.error || form.dataset.errorGeneral)
    } catch (error) {
      return showError(form.dataset.errorGeneral)
    }
    const method = answer.payment_method || { card }
    const result = await stripe.confirmCardPayment(answer.client_secret, { payment_method: method })
    if (result.error) return showError(messageFor(result.error))
    window.location.assign(form.dataset.paidUrl)
  })
}
