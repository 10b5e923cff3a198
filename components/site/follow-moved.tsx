import type { Moved } from '@/content/lessons'

/**
 * The script that sends an old link on: opened with `?demo=<id>` of a demo, or else `#<id>` of a
 * section, that has moved to another lesson, the page replaces itself with that lesson, query and
 * hash kept, so a preset such as `?demo=counter&run=1` still opens and runs its demo.
 */
export function followMovedScript(moved: Moved): string {
  // `<` escaped: the JSON sits inside a <script> element.
  const data = JSON.stringify(moved).replace(/</g, '\\u003c')
  return `(()=>{var m=${data},l=location,own=function(o,k){return Object.prototype.hasOwnProperty.call(o,k)?o[k]:''},d=new URLSearchParams(l.search).get('demo'),t=d!==null?own(m.demos,d):own(m.anchors,l.hash.slice(1));if(t)l.replace('/learn/'+t+l.search+l.hash)})()`
}

/**
 * Runs as the page is parsed, before the lesson below it is drawn: a learner following an old link
 * sees the new lesson, not a flash of the old one. Renders nothing for a lesson that lost nothing.
 */
export function FollowMoved({ moved }: { moved: Moved }) {
  if (!Object.keys(moved.demos).length && !Object.keys(moved.anchors).length) return null
  return <script dangerouslySetInnerHTML={{ __html: followMovedScript(moved) }} />
}
