// pm2 process file: `pm2 start ecosystem.config.js`. It builds by itself when the build is missing or old.
module.exports = {
  apps: [
    {
      name: 'session-warden',
      // Through scripts/start.js, which rebuilds a build older than the code: after `git pull`, a
      // forgotten `npm run build` would otherwise keep the old code running under pm2.
      script: 'scripts/start.js',
      cwd: __dirname,
      // Exactly one: a second long-poller on the same token gets 409 Conflict from the Bot API.
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      // Shutdown stops polling (up to one long-poll), disconnects the companion and closes SQLite.
      kill_timeout: 15000,
      // Exit code 2 means something a restart cannot fix (settings, a malformed session, an unusable
      // database, another copy running): pm2 stops and `pm2 ls` shows "stopped".
      stop_exit_codes: [2],
      // No exp_backoff_restart_delay or restart_delay: pm2 (5.x to 7.x, God.handleExit) marks the app
      // "waiting restart" whenever either is set, even after a stop exit code, and it then shows that
      // forever instead of "stopped". The app paces itself instead: a start-up failure that may pass
      // (a full disk, say) waits 10 s before exiting 1, so restarts are spaced and never counted as
      // unstable, and a network problem at start is retried inside the process without exiting.
      min_uptime: 5000,
      max_restarts: 16,
      max_memory_restart: '300M',
      env: {
        NODE_ENV: 'production',
        // A mail server (SMTP_URL) whose certificate comes from a private CA: Node reads this at start.
        // NODE_EXTRA_CA_CERTS: '/etc/ssl/private-ca.pem',
      },
    },
  ],
};
