"""Lab measures taken in the page, as Lighthouse takes them on a phone: layout shift, target size, contrast.

Each is JavaScript run in Chromium through Playwright; the tests in test_lab_checks.py say what each must stay within.
"""

# A mid-range Android phone, as Lighthouse's mobile run emulates one.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 2.625, "is_mobile": True, "has_touch": True}

# How long to keep watching after the load event: long enough for module scripts and anything they start.
SETTLE_MS = 1500

# Cumulative layout shift so far, as web-vitals counts it: shifts in sessions (a gap of under 1 s between shifts and
# 5 s at most), the largest session. Every shift counts: the test gives no input, and Chromium marks shifts in an
# emulated phone as "after input" by mistake, which would hide them all if `hadRecentInput` were honoured.
LAYOUT_SHIFT = """async (settleMs) => {
  const entries = []
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()))
  observer.observe({ type: 'layout-shift', buffered: true })
  await new Promise((resolve) => setTimeout(resolve, settleMs))
  let largest = 0
  let session = 0
  let first = 0
  let last = 0
  const sources = []
  for (const entry of entries) {
    if (session && (entry.startTime - last > 1000 || entry.startTime - first > 5000)) {
      session = 0
    }
    if (!session) first = entry.startTime
    session += entry.value
    last = entry.startTime
    largest = Math.max(largest, session)
    for (const source of entry.sources || []) {
      const node = source.node
      if (node && node.nodeType === 1) {
        sources.push(`${node.tagName.toLowerCase()}.${[...node.classList].join('.')} (${entry.value.toFixed(3)})`)
      }
    }
  }
  return { value: largest, sources }
}"""

# WCAG 2.2 success criterion 2.5.8, Target Size (Minimum): a target is at least 24 by 24 CSS pixels, or a circle of
# 24 px diameter centred on it meets no other target and no other small target's circle. A link inside a sentence is
# exempt, and so is anything hidden (a closed <details>'s content included).
TARGET_SIZE = """() => {
  const MIN = 24
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link],' +
    ' [tabindex]:not([tabindex="-1"])'
  const shown = (element) => {
    const box = element.getBoundingClientRect()
    return box.width > 0 && box.height > 0 &&
      element.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })
  }
  // In a sentence: inline, in a block with words of its own besides its links and buttons.
  const inSentence = (element) => {
    if (getComputedStyle(element).display !== 'inline') return false
    let block = element.parentElement
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement
    if (!block) return false
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('a, button') && /[\\p{L}\\p{N}]/u.test(node.data)) return true
    }
    return false
  }
  const name = (element) => {
    const words = (element.textContent || element.getAttribute('aria-label') || element.value || '')
      .replace(/\\s+/g, ' ')
    return `${element.tagName.toLowerCase()} "${words.trim().slice(0, 40)}"`
  }
  const targets = [...document.querySelectorAll(selector)].filter((element) => shown(element) && !inSentence(element))
    .map((element) => {
      const box = element.getBoundingClientRect()
      return {
        element, box, cx: box.left + box.width / 2, cy: box.top + box.height / 2,
        small: box.width < MIN - 0.01 || box.height < MIN - 0.01,
      }
    })
  const distanceToBox = (x, y, box) => Math.hypot(
    Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom)
  )
  const problems = []
  for (const target of targets.filter((item) => item.small)) {
    const neighbour = targets.find((other) => other !== target &&
      !other.element.contains(target.element) && !target.element.contains(other.element) &&
      (other.small
        ? Math.hypot(other.cx - target.cx, other.cy - target.cy) < MIN
        : distanceToBox(target.cx, target.cy, other.box) < MIN / 2))
    if (neighbour) {
      const size = `${Math.round(target.box.width)}×${Math.round(target.box.height)} px`
      problems.push(`${name(target.element)} (${size}) is too close to ${name(neighbour.element)}`)
    }
  }
  return problems
}"""

# Each element's size in CSS pixels: [text, width, height].
SIZES = """(selector) => [...document.querySelectorAll(selector)].map((element) => {
  const box = element.getBoundingClientRect()
  return [element.textContent.trim(), box.width, box.height]
})"""

# WCAG contrast ratio of an element's text against the first opaque background behind it.
CONTRAST = """(selector) => {
  const element = document.querySelector(selector)
  const channels = (colour) => colour.match(/[\\d.]+/g).map(Number)
  const luminance = ([r, g, b]) => {
    const linear = (value) => {
      const c = value / 255
      return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
  }
  let background = [255, 255, 255]
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const colour = channels(getComputedStyle(node).backgroundColor)
    if (colour.length < 4 || colour[3] === 1) {
      background = colour.slice(0, 3)
      break
    }
  }
  const text = luminance(channels(getComputedStyle(element).color))
  const back = luminance(background)
  return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05)
}"""


def layout_shift(page):
    """{value, sources} for the page as loaded, after letting it settle."""
    page.wait_for_load_state("load")
    return page.evaluate(LAYOUT_SHIFT, SETTLE_MS)


def target_size_problems(page):
    return page.evaluate(TARGET_SIZE)
