// Builds the Excel add-in into dist-addin/: taskpane.html + taskpane.js (the pane), guard.js
// (its ES5 first script), help.html + help.js (the help page of the manifest's support link),
// assets/ and manifest.xml.
//   --env publicUrl=https://…/chitieu/  the address an office serves dist-addin/ from: the
//                    manifest written points there (scripts/manifest.js); without it, the
//                    development manifest (https://localhost:3000) is copied as it is
//   OFFICE_JS=<url>  script tag for office.js (default Microsoft's CDN; the e2e test serves a fake)
// A production build's pages carry a Content-Security-Policy (CSP below); the dev server
// (HTTPS, localhost:3000, certificates from office-addin-dev-certs) is set up only when webpack
// runs as `webpack serve` (npm run dev-server), never for builds or tests.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { manifestFor, publicBase } = require('./scripts/manifest');

const OFFICE_JS_HOST = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `${OFFICE_JS_HOST}/lib/1/hosted/office.js`;
const PORT = 3000;

/**
 * The promise that data never leaves the machine, enforced by the browser: scripts only from
 * the add-in's own origin and Office's host, connections only to the add-in's own origin (the
 * files a user picks are read in the pane, nothing is uploaded); styles inline as Fluent UI
 * writes them at run time; no plugins, no other base, no form posts.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${OFFICE_JS_HOST}`,
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

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
  // Checked before anything is built: a wrong address fails at once, saying why.
  const publicUrl = env.publicUrl ? publicBase(env.publicUrl) : null;
  const csp = dev ? '' : CSP;
  const config = {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    context: __dirname,
    entry: { taskpane: './src/taskpane/index.tsx', help: './src/taskpane/help.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist-addin'),
      filename: '[name].js',
      // Chunks loaded on demand (the file readers, the sample rules): see src/taskpane/readers.ts.
      chunkFilename: '[name].js',
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
        csp,
      }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/taskpane/help.html', chunks: ['help'], csp }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // Copied as written: it must stay ES5 for the old webviews.
          { from: 'src/taskpane/guard.js', to: 'guard.js' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (publicUrl ? manifestFor(content.toString('utf8'), publicUrl) : content),
          },
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
