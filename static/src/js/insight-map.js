/**
 * Market insight: the dark-patches map. The table beside it holds every figure; the map only shows where they are.
 * Leaflet is loaded when the map is first shown. Each postcode district is a circle, darker where a larger share of
 * searches found no or few results; its popup repeats the table's figures (already suppressed on the server).
 */

function loadScript (src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = src
    script.onload = resolve
    script.onerror = reject
    document.head.appendChild(script)
  })
}

function insightMap () {
  const container = document.querySelector('[data-module="app-insight-map"]')
  const data = document.getElementById('insight-map-points')
  if (!container || !data) return
  const points = JSON.parse(data.textContent)
  if (!points.length) {
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
    const L = window.L
    map = L.map(canvas, { scrollWheelZoom: false })
    if (container.dataset.tiles) {
      L.tileLayer(container.dataset.tiles, { maxZoom: 18, attribution: container.dataset.attribution }).addTo(map)
    }
    const bounds = points.map((point) => {
      const share = point.share === null ? 0 : point.share
      const text = document.createElement('p')
      text.textContent = `${point.label}: ${container.dataset.searchesText} ${point.searches}, ` +
        `${container.dataset.unmetText} ${point.unmet}`
      L.circleMarker([point.lat, point.lon], {
        radius: 10,
        color: '#0b0c0c',
        weight: 1,
        fillColor: share >= 0.5 ? '#0b0c0c' : share >= 0.25 ? '#505a5f' : '#b1b4b6',
        fillOpacity: 0.8
      }).addTo(map).bindPopup(text)
      return [point.lat, point.lon]
    })
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 12 })
  })
}

insightMap()
