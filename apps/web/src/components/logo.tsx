/** A ship's wheel drawn inline: no image request, and it follows the theme's primary colour. */
export function Logo({ size = 28 }: { size?: number }) {
  const spokes = [0, 45, 90, 135];
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <g fill="none" stroke="#1668dc" strokeWidth="2.4" strokeLinecap="round">
        <circle cx="16" cy="16" r="9" />
        {spokes.map((deg) => (
          <line key={deg} x1="16" y1="2.5" x2="16" y2="29.5" transform={`rotate(${deg} 16 16)`} />
        ))}
      </g>
      <circle cx="16" cy="16" r="3.2" fill="#1668dc" />
    </svg>
  );
}
