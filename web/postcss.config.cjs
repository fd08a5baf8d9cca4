// Mantine's PostCSS preset: rem() and the light/dark mixins in the app's CSS.
module.exports = { plugins: { 'postcss-preset-mantine': {} } };
