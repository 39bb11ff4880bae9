/**
 * Find support: progressive enhancements. The page works fully without them.
 *
 * - "Use my location": asks the browser for a position, puts it (rounded to about a kilometre) in the form's hidden
 *   `near` field and submits. The place box is cleared so the position is used.
 * - The results map: a button shows a Leaflet map of this page's results beside the list, which stays complete.
 *   Leaflet is loaded only when the map is first shown. Personal assistants' markers are approximate.
 *
 * Filters are applied with their buttons, never on change: a page reload on every tick would move the focus and
 * surprise people using screen readers (WCAG 3.2.2).
 */

function useMyLocation () {
  const container = document.querySelector('[data-module="app-use-location"]')
  const form = document.getElementById('find-form')
  if (!container || !form) return
  // The button is drawn from the first paint (app-js-only), so that nothing moves when this runs; hide it where it
  // cannot work.
  if (!('geolocation' in navigator)) {
    container.hidden = true
    return
  }
  const button = container.querySelector('button')
  const status = container.querySelector('.app-use-location__status')
  button.addEventListener('click', () => {
    status.textContent = container.dataset.findingText || ''
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const round = (value) => Math.round(value * 100) / 100
        form.querySelector('input[name="near"]').value =
          `${round(position.coords.latitude)},${round(position.coords.longitude)}`
        form.querySelector('input[name="where"]').value = ''
        form.submit()
      },
      () => { status.textContent = container.dataset.failedText || '' },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
    )
  })
}

function loadScript (src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = resolve
    script.onerror = reject
    document.head.appendChild(script)
  })
}

function resultsMap () {
  const container = document.querySelector('[data-module="app-results-map"]')
  const data = document.getElementById('map-markers')
  if (!container) return
  if (!data) {
    container.hidden = true
    return
  }
  const button = container.querySelector('.app-results-map__toggle')
  const canvas = container.querySelector('.app-results-map__canvas')
  const showText = button.textContent
  let map = null
  button.addEventListener('click', async () => {
    const opening = canvas.hidden
    canvas.hidden = !opening
    button.setAttribute('aria-expanded', String(opening))
    button.textContent = opening ? container.dataset.hideText : showText
    if (!opening || map) return
    try {
      await loadScript(container.dataset.leaflet)
    } catch (error) {
      canvas.textContent = container.dataset.failedText
      return
    }
    const markers = JSON.parse(data.textContent)
    const L = window.L
    map = L.map(canvas, { scrollWheelZoom: false })
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, { maxZoom: 18, attribution: container.dataset.attribution }).addTo(map)
    }
    const points = markers.map((marker) => {
      const link = document.createElement('a')
      link.href = marker.url
      const title = marker.approximate ? `${marker.title} (${container.dataset.approximateText})` : marker.title
      link.textContent = title
      L.marker([marker.lat, marker.lon], { title, alt: title, keyboard: true })
        .addTo(map)
        .bindPopup(link)
      return [marker.lat, marker.lon]
    })
    map.fitBounds(points, { padding: [24, 24], maxZoom: 13 })
  })
}

useMyLocation()
resultsMap()
