/**
 * Progressive enhancements for the SDS marketplace.
 *
 * Loaded as an ES module after GOV.UK Frontend:
 *   <script type="module" src="/static/js/app.js"></script>
 *
 * Every page must work without this file. It has no dependencies and exports
 * nothing.
 */

/* ==========================================================================
   Glossary toggletips
   ==========================================================================

   A glossary term in rich text is a normal link to the glossary:

     <a class="app-glossary-term" href="/glossary/#direct-payment"
        data-glossary-definition="Money from the council that you manage yourself.">direct payment</a>

   With JavaScript, pressing the term (click, tap or Enter) opens a small
   bubble after it with the definition and a link to the glossary entry,
   instead of following the link. Pressing the term again, pressing Escape,
   clicking elsewhere or moving focus away closes it.

   The bubble contains a live region (role="status") that is filled just
   after the bubble is shown, so screen readers announce the definition.

   Text for the "more" link comes from the term's `data-glossary-more-text`,
   or the nearest ancestor's (e.g. <body data-glossary-more-text="…">), so it
   can be translated in the template.
*/

const TERM_SELECTOR = 'a.app-glossary-term[data-glossary-definition]'
const DEFAULT_MORE_TEXT = 'More about this word'
const ANNOUNCE_DELAY_MS = 100
const VIEWPORT_MARGIN_PX = 8
const ARROW_SIZE_PX = 8

let idCounter = 0

/** @type {{ term: HTMLAnchorElement, tip: HTMLElement } | null} */
let open = null

/**
 * Make the (still hidden) bubble for a term and put it straight after the
 * term, so it comes next in reading and tab order.
 *
 * @param {HTMLAnchorElement} term
 * @returns {HTMLElement}
 */
function createToggletip (term) {
  const tip = document.createElement('span')
  tip.className = 'app-toggletip'
  tip.id = `app-toggletip-${++idCounter}`
  tip.hidden = true

  const bubble = document.createElement('span')
  bubble.className = 'app-toggletip__bubble'
  bubble.setAttribute('role', 'status')
  tip.appendChild(bubble)

  term.insertAdjacentElement('afterend', tip)
  term.setAttribute('aria-controls', tip.id)
  term.setAttribute('aria-expanded', 'false')
  return tip
}

/**
 * Fill the live region. Called after the bubble is visible so the change is
 * announced.
 *
 * @param {HTMLAnchorElement} term
 * @param {HTMLElement} tip
 */
function fillToggletip (term, tip) {
  const bubble = tip.querySelector('.app-toggletip__bubble')
  if (!bubble) return

  const text = document.createElement('span')
  text.className = 'app-toggletip__text'
  // textContent, never innerHTML: definitions are editor-written text.
  text.textContent = term.dataset.glossaryDefinition || ''
  // The definition's own language, which differs from the page's when the term is not translated yet.
  if (term.dataset.glossaryLang) {
    text.lang = term.dataset.glossaryLang
    text.dir = term.dataset.glossaryDir || 'auto'
  }

  const moreHolder = term.closest('[data-glossary-more-text]')
  const more = document.createElement('a')
  more.className = 'app-toggletip__link'
  more.href = term.getAttribute('href') || term.href
  more.textContent = moreHolder?.getAttribute('data-glossary-more-text') || DEFAULT_MORE_TEXT
  // The link's words are the interface's, even inside content shown in another language.
  const interfaceHolder = moreHolder?.closest('[lang]') || document.documentElement
  more.lang = interfaceHolder.lang
  more.dir = interfaceHolder.closest('[dir]')?.dir || 'auto'

  bubble.replaceChildren(text, ' ', more)
  positionToggletip(term, tip)
}

/**
 * Place the bubble under the term, aligned with the term's start edge (left
 * in LTR, right in RTL), and keep it inside the viewport.
 *
 * @param {HTMLAnchorElement} term
 * @param {HTMLElement} tip
 */
function positionToggletip (term, tip) {
  // Use the first line box, in case the term wraps over two lines.
  const rects = term.getClientRects()
  const termRect = rects.length ? rects[0] : term.getBoundingClientRect()

  // Reset so we measure the bubble's natural size.
  tip.style.left = '0px'
  tip.style.top = '0px'

  const tipRect = tip.getBoundingClientRect()
  const viewportWidth = document.documentElement.clientWidth
  const rtl = getComputedStyle(term).direction === 'rtl'

  // Desired left edge in viewport coordinates.
  let left = rtl ? termRect.right - tipRect.width : termRect.left
  const maxLeft = viewportWidth - VIEWPORT_MARGIN_PX - tipRect.width
  left = Math.max(VIEWPORT_MARGIN_PX, Math.min(left, maxLeft))

  // Point the arrow at the middle of the term's start (at most 2em in), but
  // keep it on the bubble.
  const termAnchor = rtl
    ? termRect.right - Math.min(termRect.width / 2, 24)
    : termRect.left + Math.min(termRect.width / 2, 24)
  const arrow = Math.max(
    ARROW_SIZE_PX * 2,
    Math.min(termAnchor - left, tipRect.width - ARROW_SIZE_PX * 2)
  )

  // Convert to the containing block's coordinates: the nearest positioned
  // ancestor, or the document when there is none.
  const parent = /** @type {HTMLElement|null} */ (tip.offsetParent)
  let top, offsetLeft
  if (!parent || (parent === document.body && getComputedStyle(parent).position === 'static')) {
    top = termRect.bottom + window.scrollY
    offsetLeft = left + window.scrollX
  } else {
    const parentRect = parent.getBoundingClientRect()
    top = termRect.bottom - parentRect.top - parent.clientTop + parent.scrollTop
    offsetLeft = left - parentRect.left - parent.clientLeft + parent.scrollLeft
  }

  tip.style.top = `${Math.round(top)}px`
  tip.style.left = `${Math.round(offsetLeft)}px`
  tip.style.setProperty('--app-toggletip-arrow-offset', `${Math.round(arrow)}px`)
}

/**
 * @param {HTMLAnchorElement} term
 */
function openToggletip (term) {
  if (open && open.term === term) return
  closeToggletip()

  const controls = term.getAttribute('aria-controls')
  const existing = controls ? document.getElementById(controls) : null
  const tip = existing || createToggletip(term)

  // Show the bubble with an empty live region first, then fill it.
  const bubble = tip.querySelector('.app-toggletip__bubble')
  bubble?.replaceChildren()
  tip.hidden = false
  term.setAttribute('aria-expanded', 'true')
  open = { term, tip }
  positionToggletip(term, tip)

  window.setTimeout(() => {
    if (open && open.tip === tip) fillToggletip(term, tip)
  }, ANNOUNCE_DELAY_MS)
}

/**
 * @param {{ returnFocus?: boolean }} [options]
 */
function closeToggletip ({ returnFocus = false } = {}) {
  if (!open) return
  const { term, tip } = open
  open = null

  const focusWasInside = tip.contains(document.activeElement)
  tip.hidden = true
  tip.querySelector('.app-toggletip__bubble')?.replaceChildren()
  term.setAttribute('aria-expanded', 'false')

  if (returnFocus || focusWasInside) term.focus()
}

/**
 * @param {MouseEvent} event
 */
function onClick (event) {
  const target = event.target instanceof Element ? event.target : null
  const term = /** @type {HTMLAnchorElement|null} */ (target?.closest(TERM_SELECTOR))

  if (term) {
    // Let people open the glossary in a new tab or window as usual.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return

    // A click, tap or Enter on the term toggles the bubble instead of
    // following the link.
    event.preventDefault()
    if (open && open.term === term) {
      closeToggletip()
    } else {
      openToggletip(term)
    }
    return
  }

  // A click anywhere outside the open bubble closes it.
  if (open && !(target && open.tip.contains(target))) closeToggletip()
}

/**
 * Touch browsers do not always send `click` for taps on plain text, so also
 * close on a pointer press outside the term and bubble.
 *
 * @param {PointerEvent} event
 */
function onPointerdown (event) {
  if (!open) return
  const target = event.target instanceof Element ? event.target : null
  if (target && (target.closest(TERM_SELECTOR) === open.term || open.tip.contains(target))) return
  closeToggletip()
}

/**
 * @param {KeyboardEvent} event
 */
function onKeydown (event) {
  if (open && (event.key === 'Escape' || event.key === 'Esc')) {
    const focusOnTerm = document.activeElement === open.term
    closeToggletip({ returnFocus: focusOnTerm })
    event.preventDefault()
  }
}

/**
 * Close when keyboard focus moves somewhere other than the term or bubble.
 *
 * @param {FocusEvent} event
 */
function onFocusin (event) {
  if (!open) return
  const target = event.target instanceof Node ? event.target : null
  if (target && (target === open.term || open.tip.contains(target))) return
  closeToggletip()
}

function onResize () {
  if (open) positionToggletip(open.term, open.tip)
}

function initGlossaryToggletips () {
  document.querySelectorAll(TERM_SELECTOR).forEach((term) => {
    term.setAttribute('aria-expanded', 'false')
  })

  // Delegated listeners, so terms added to the page later work too.
  document.addEventListener('click', onClick)
  document.addEventListener('pointerdown', onPointerdown)
  document.addEventListener('keydown', onKeydown)
  document.addEventListener('focusin', onFocusin)
  window.addEventListener('resize', onResize)
}

/* ==========================================================================
   Start
   ========================================================================== */

function init () {
  initGlossaryToggletips()
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', init)
} else {
  init()
}
