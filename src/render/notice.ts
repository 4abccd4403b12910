/** The last line of every human-readable answer that shows medical content. JSON never carries it. */
export const NOT_ADVICE = 'medinfo is reference information, not medical advice: ask a pharmacist or doctor before acting on it.';
