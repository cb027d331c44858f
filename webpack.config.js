// Builds the Excel add-in: src/taskpane/index.tsx → dist-addin/taskpane.html + taskpane.js,
// with assets/ and manifest.xml copied beside them.
//   OFFICE_JS=<url>  script tag for office.js (default Microsoft's CDN; the e2e test serves a fake)
//   the dev server (HTTPS, localhost:3000, certificates from office-addin-dev-certs) is set up
//   only when webpack runs as `webpack serve` (npm run dev-server), never for builds or tests.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PORT = 3000;

/**
 * office-addin-dev-certs makes a localhost certificate and installs its CA as trusted.
 * Where it cannot install the CA (a Linux box or CI without sudo) the files it generated
 * are used as they are: fine for a headless browser told to ignore certificate errors.
 */
async function httpsOptions() {
  // Loaded here only, so builds and tests never touch certificates.
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require('fs');
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    const key = path.join(dir, 'localhost.key');
    const cert = path.join(dir, 'localhost.crt');
    if (!fs.existsSync(key) || !fs.existsSync(cert)) throw e;
    console.warn(`[dev-server] CA not installed as trusted (${e.message.split('\n')[0]}); using ${dir} as is.`);
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ca: fs.readFileSync(path.join(dir, 'ca.crt')) };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const config = {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    context: __dirname,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist-addin'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // ES modules out of TypeScript so webpack can drop the unused Fluent UI icons and
          // components (CommonJS would bundle all of them: ~18 MB instead of ~1.5 MB).
          use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json', transpileOnly: true, compilerOptions: { module: 'es2020' } } },
        },
        // The sample rules workbook, inlined so "Chèn bảng chỉ tiêu mẫu" needs no request.
        { test: /\.xlsx$/, type: 'asset/inline' },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJs: process.env.OFFICE_JS || OFFICE_JS_CDN,
        // What the staff can do where the pane cannot start: written into the page, shown by guard.js.
        guard: require('./src/taskpane/guard-text.json'),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // Copied as written: it must stay ES5 for the old webviews.
          { from: 'src/taskpane/guard.js', to: 'guard.js' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: { hints: false },
  };
  if (serving) {
    config.devServer = {
      host: 'localhost',
      port: PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await httpsOptions() },
      static: { directory: path.resolve(__dirname, 'dist-addin') },
    };
  }
  return config;
};
