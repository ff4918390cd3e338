// pm2 process file: `pm2 start ecosystem.config.js`. Build first (`npm run build`) or use `npm start` once.
module.exports = {
  apps: [
    {
      name: 'session-warden',
      script: 'dist/main.js',
      cwd: __dirname,
      // Exactly one: a second long-poller on the same token gets 409 Conflict from the Bot API.
      instances: 1,
      exec_mode: 'fork',
      autorestart: true,
      // Shutdown stops polling (up to one long-poll), disconnects the companion and closes SQLite.
      kill_timeout: 15000,
      // A crash restarts after 1 s, backing off up to 15 s if it keeps crashing, instead of a tight loop.
      exp_backoff_restart_delay: 1000,
      // Exit code 2 means the configuration is wrong: restarting cannot fix that, so pm2 stops.
      stop_exit_codes: [2],
      max_memory_restart: '300M',
      env: {
        NODE_ENV: 'production',
      },
    },
  ],
};
