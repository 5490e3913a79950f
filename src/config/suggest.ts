/** Did-you-mean for configuration: the shared helper. */
export { closest, didYouMean, editDistance } from '../suggest.js';
