#!/usr/bin/env bash
# The production stack on one machine, for the benchmarks (bench/) and the end-to-end test
# (tests/stack/): a PostgreSQL primary and a streaming replica (own clusters), Redis, two gunicorn
# app servers behind nginx, one django-tasks database worker and the scheduler.
#
#   bash scripts/stack.sh start [--scale city|region|national]   idempotent; waits for /healthz
#   bash scripts/stack.sh stop [--purge]      --purge also deletes STACK_DIR and the databases
#   bash scripts/stack.sh status              each part up/down with pid and port (exit 1: not all up)
#   bash scripts/stack.sh restart-postgres    restarts the primary (the replica reconnects itself)
#   bash scripts/stack.sh kill-app a|b        SIGKILL to that gunicorn master and its workers
#   bash scripts/stack.sh start-app a|b
#
# Environment: STACK_DIR (default var/stack), STACK_PORT_BASE (8100: nginx; app A +1, B +2),
# STACK_PG_PORT (55432; replica +1), STACK_REDIS_PORT (56379), STACK_WORKERS (gunicorn workers
# per server, 3), STACK_SKIP_DATASET=1 (first start without generate_dataset: a quick stack with
# the demo data only). Everything lives in STACK_DIR: run/ (pid files), log/, static/, mail/,
# and stack.env, which manage.py and the benchmarks source to talk to the stack:
#   set -a; source var/stack/stack.env; set +a
# Needs the Debian packages of PostgreSQL 15 and Redis; installs nginx when missing. Run as root,
# PostgreSQL runs as the user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

STACK_DIR=$(realpath -m "${STACK_DIR:-var/stack}")
PORT_BASE=${STACK_PORT_BASE:-8100}
NGINX_PORT=$PORT_BASE
declare -A APP_PORT=([a]=$((PORT_BASE + 1)) [b]=$((PORT_BASE + 2)))
PG_PORT=${STACK_PG_PORT:-55432}
REPLICA_PORT=$((PG_PORT + 1))
REDIS_PORT=${STACK_REDIS_PORT:-56379}
WORKERS=${STACK_WORKERS:-3}
PG_BIN=/usr/lib/postgresql/15/bin
RUN=$STACK_DIR/run
LOG=$STACK_DIR/log
ENV_FILE=$STACK_DIR/stack.env
# Marks a directory as a stack's, so that `stop --purge` never deletes anything else.
MARKER=$STACK_DIR/.pomyslowice-stack

die() {
  echo "stack: $*" >&2
  exit 1
}

say() { echo "stack: $*"; }

as_postgres() {
  # initdb and postgres refuse to run as root.
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# --- where PostgreSQL's data lives -------------------------------------------------------------

pg_root() {
  # Inside STACK_DIR when the user postgres can reach it; otherwise (a home directory closed to
  # others) in /tmp, named after STACK_DIR so that two stacks never share it. The choice is
  # recorded in STACK_DIR so that stop --purge finds it.
  if [ -f "$STACK_DIR/pg-root" ]; then
    cat "$STACK_DIR/pg-root"
  elif [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$STACK_DIR"; then
    echo "$STACK_DIR/pg"
  else
    echo "/tmp/pomyslowice-stack-$(echo -n "$STACK_DIR" | sha256sum | cut -c1-12)"
  fi
}

PRIMARY_DIR=
REPLICA_DIR=
set_pg_dirs() {
  local root
  root=$(pg_root)
  PRIMARY_DIR=$root/primary
  REPLICA_DIR=$root/replica
}

# --- processes ---------------------------------------------------------------------------------

# pid_of FILE PATTERN: the pid in FILE when that process is alive and its command line matches
# PATTERN (a stale pid file may name a recycled pid of something else).
pid_of() {
  local file=$1 pattern=$2 pid
  [ -f "$file" ] || return 1
  pid=$(head -n1 "$file" | tr -dc 0-9)
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern" || return 1
  echo "$pid"
}

wait_gone() {
  local pid=$1 seconds=$2
  for _ in $(seq $((seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

# stop_pid NAME FILE PATTERN SIGNAL [group]: signal (with "group": its whole process group, for
# the supervised commands), wait up to 30 s, then SIGKILL the process group.
stop_pid() {
  local name=$1 file=$2 pattern=$3 signal=$4 scope=${5:-} pid
  if pid=$(pid_of "$file" "$pattern"); then
    if [ "$scope" = group ] && [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then
      kill "-$signal" -- "-$pid"
    else
      kill "-$signal" "$pid"
    fi
    if ! wait_gone "$pid" 30; then
      say "$name did not stop in 30 s; killing it"
      kill_group "$pid"
    fi
    say "$name stopped"
  fi
  rm -f "$file"
}

kill_group() {
  # Our background processes each lead their own process group (setsid), so the group is the
  # process and its children (gunicorn's workers); never our own group.
  local pid=$1 pgid
  pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')
  if [ -n "$pgid" ] && [ "$pgid" = "$pid" ] && [ "$pgid" != "$(ps -o pgid= -p $$ | tr -d ' ')" ]; then
    kill -KILL -- "-$pgid" 2>/dev/null || true
  else
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait_gone "$pid" 10 || true
}

# background NAME PIDFILE COMMAND...: started detached in its own session, output to log/NAME.log.
background() {
  local name=$1 pidfile=$2
  shift 2
  setsid "$@" </dev/null >>"$LOG/$name.log" 2>&1 &
  echo $! >"$pidfile"
}

# --- the environment the app runs with -------------------------------------------------------

write_env() {
  local secret
  if [ ! -f "$STACK_DIR/secret-key" ]; then
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$STACK_DIR/secret-key")
  fi
  secret=$(cat "$STACK_DIR/secret-key")
  cat >"$ENV_FILE" <<EOF
# Written by scripts/stack.sh; to use: set -a; source $ENV_FILE; set +a
DATABASE_URL='postgres://postgres@127.0.0.1:$PG_PORT/pomyslowice'
DATABASE_REPLICA_URL='postgres://postgres@127.0.0.1:$REPLICA_PORT/pomyslowice'
REDIS_URL='redis://127.0.0.1:$REDIS_PORT/0'
TASKS_BACKEND='database'
EMAIL_URL='file://$STACK_DIR/mail'
SECRET_KEY='$secret'
DEBUG='0'
HTTPS='0'
STATIC_ROOT='$STACK_DIR/static'
MEDIA_ROOT='$STACK_DIR/media'
VAR_DIR='$STACK_DIR/var'
ALLOWED_HOSTS='127.0.0.1,localhost'
SITE_URL='http://127.0.0.1:$NGINX_PORT'
STACK_DIR='$STACK_DIR'
STACK_PORT_BASE='$PORT_BASE'
STACK_WORKERS='$WORKERS'
STACK_URL='http://127.0.0.1:$NGINX_PORT'
APP_URLS='http://127.0.0.1:${APP_PORT[a]} http://127.0.0.1:${APP_PORT[b]}'
STACK_PG_PORT='$PG_PORT'
STACK_REPLICA_PORT='$REPLICA_PORT'
STACK_REDIS_PORT='$REDIS_PORT'
STACK_SCALE='$SCALE'
EOF
}

load_env() {
  set -a
  # shellcheck disable=SC1090
  source "$ENV_FILE"
  set +a
}

manage() {
  python manage.py "$@"
}

# --- PostgreSQL --------------------------------------------------------------------------------

render() {
  # render TEMPLATE KEY=VALUE...: the template with each @KEY@ replaced.
  local template=$1 expr=()
  shift
  for pair in "$@"; do
    expr+=(-e "s|@${pair%%=*}@|${pair#*=}|g")
  done
  sed "${expr[@]}" "$template"
}

configure_cluster() {
  local dir=$1 port=$2
  render scripts/stack/postgresql.conf "PORT=$port" >"$dir/stack.conf"
  cp scripts/stack/pg_hba.conf "$dir/pg_hba.conf"
  grep -q "^include 'stack.conf'" "$dir/postgresql.conf" ||
    echo "include 'stack.conf'" >>"$dir/postgresql.conf"
  chown -R postgres: "$dir" 2>/dev/null || true
}

pg_running() {
  as_postgres "$PG_BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

pg_start() {
  local name=$1 dir=$2 port=$3
  if pg_running "$dir"; then
    return
  fi
  say "starting PostgreSQL $name on 127.0.0.1:$port"
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/postgres.log" -w -t 120 start >/dev/null || {
    tail -n 30 "$dir/postgres.log" >&2
    die "PostgreSQL $name did not start (log: $dir/postgres.log)"
  }
}

psql_primary() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -X -q -t -A "$@"
}

start_postgres() {
  local root
  root=$(pg_root)
  echo "$root" >"$STACK_DIR/pg-root"
  mkdir -p "$root"
  chown postgres: "$root" 2>/dev/null || true
  ln -sfn "$PRIMARY_DIR/postgres.log" "$LOG/postgres-primary.log"
  ln -sfn "$REPLICA_DIR/postgres.log" "$LOG/postgres-replica.log"
  if [ ! -f "$PRIMARY_DIR/PG_VERSION" ]; then
    say "creating the PostgreSQL primary in $PRIMARY_DIR"
    rm -rf "$PRIMARY_DIR" "$REPLICA_DIR"
    local locale=C.UTF-8
    locale -a 2>/dev/null | grep -qx 'en_US.utf8' && locale=en_US.UTF-8
    as_postgres "$PG_BIN/initdb" -D "$PRIMARY_DIR" -U postgres -E UTF8 --locale="$locale" \
      --auth=trust >"$LOG/initdb.log" 2>&1 || die "initdb failed; see $LOG/initdb.log"
    configure_cluster "$PRIMARY_DIR" "$PG_PORT"
  fi
  pg_start primary "$PRIMARY_DIR" "$PG_PORT"
  if [ "$(psql_primary -c "SELECT 1 FROM pg_database WHERE datname = 'pomyslowice'")" != 1 ]; then
    psql_primary -c "CREATE DATABASE pomyslowice"
  fi
  if [ ! -f "$REPLICA_DIR/PG_VERSION" ]; then
    say "copying the primary into the replica in $REPLICA_DIR (pg_basebackup)"
    rm -rf "$REPLICA_DIR"
    as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$REPLICA_DIR" \
      -R -X stream -c fast >"$LOG/pg_basebackup.log" 2>&1 ||
      die "pg_basebackup failed; see $LOG/pg_basebackup.log"
    rm -f "$REPLICA_DIR/postgres.log"
    configure_cluster "$REPLICA_DIR" "$REPLICA_PORT"
  fi
  pg_start replica "$REPLICA_DIR" "$REPLICA_PORT"
  for _ in $(seq 300); do
    [ "$(psql_primary -c "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" \
      -ge 1 ] && return
    sleep 0.1
  done
  tail -n 20 "$REPLICA_DIR/postgres.log" >&2
  die "the replica does not stream from the primary (log: $LOG/postgres-replica.log)"
}

# --- the other parts ---------------------------------------------------------------------------

start_redis() {
  pid_of "$RUN/redis.pid" redis-server >/dev/null && return
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  mkdir -p "$STACK_DIR/redis"
  # Sessions live in Redis: the append-only file (fsync every second) keeps them across a restart.
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STACK_DIR/redis" \
    --daemonize yes --pidfile "$RUN/redis.pid" --logfile "$LOG/redis.log" \
    --appendonly yes --appendfsync everysec --save "" ||
    die "Redis did not start (log: $LOG/redis.log)"
  for _ in $(seq 50); do
    pid_of "$RUN/redis.pid" redis-server >/dev/null && return
    sleep 0.1
  done
  die "Redis did not start (log: $LOG/redis.log)"
}

prepare_database() {
  manage migrate --noinput >"$LOG/migrate.log" 2>&1 ||
    { tail -n 30 "$LOG/migrate.log" >&2 && die "migrate failed (log: $LOG/migrate.log)"; }
  manage collectstatic --noinput >"$LOG/collectstatic.log" 2>&1 ||
    { tail -n 30 "$LOG/collectstatic.log" >&2 && die "collectstatic failed"; }
  [ -f "$STACK_DIR/scale" ] && return
  say "loading the demo accounts (seed_demo)"
  manage seed_demo >"$LOG/seed_demo.log" 2>&1 ||
    { tail -n 30 "$LOG/seed_demo.log" >&2 && die "seed_demo failed (log: $LOG/seed_demo.log)"; }
  if [ "${STACK_SKIP_DATASET:-}" = 1 ]; then
    say "STACK_SKIP_DATASET=1: no generated dataset"
    SCALE=none
    write_env
  else
    say "generating the $SCALE dataset (generate_dataset --scale $SCALE)"
    local started=$SECONDS
    manage generate_dataset --scale "$SCALE" >"$LOG/generate_dataset.log" 2>&1 || {
      tail -n 30 "$LOG/generate_dataset.log" >&2
      die "generate_dataset failed (log: $LOG/generate_dataset.log); start afresh with stop --purge"
    }
    say "dataset generated in $((SECONDS - started)) s"
  fi
  echo "$SCALE" >"$STACK_DIR/scale"
}

start_app() {
  local which=$1 port=${APP_PORT[$1]}
  pid_of "$RUN/app-$which.pid" gunicorn >/dev/null && return
  say "starting app server $which on 127.0.0.1:$port ($WORKERS workers)"
  background "app-$which" "$RUN/app-$which.launch" gunicorn pomyslowice.wsgi \
    --workers "$WORKERS" --bind "127.0.0.1:$port" --pid "$RUN/app-$which.pid" \
    --access-logfile "$LOG/app-$which-access.log" --timeout 60 --graceful-timeout 20 \
    --keep-alive 75 --no-control-socket --preload
  # gunicorn writes its pid file once it listens.
  for _ in $(seq 300); do
    pid_of "$RUN/app-$which.pid" gunicorn >/dev/null && return
    pid_of "$RUN/app-$which.launch" gunicorn >/dev/null || break
    sleep 0.1
  done
  tail -n 30 "$LOG/app-$which.log" >&2
  die "app server $which did not start (log: $LOG/app-$which.log)"
}

start_manage_process() {
  local name=$1 command=$2
  pid_of "$RUN/$name.pid" "$command" >/dev/null && return
  manage help "$command" >/dev/null 2>&1 ||
    die "manage.py has no command $command, which the stack's $name needs"
  say "starting the $name (manage.py $command)"
  # Restarted when it exits, as systemd's Restart=always does in production (docs/deploy.md):
  # the worker stops when PostgreSQL restarts under it.
  background "$name" "$RUN/$name.pid" bash -c \
    'while :; do "$@"; echo "stack: $* exited ($?); again in 2 s"; sleep 2; done' \
    supervise python manage.py "$command"
  sleep 1
  pid_of "$RUN/$name.pid" "$command" >/dev/null || {
    tail -n 30 "$LOG/$name.log" >&2
    die "the $name stopped at once (log: $LOG/$name.log)"
  }
}

install_nginx() {
  command -v nginx >/dev/null && return
  say "installing nginx from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light \
    >/dev/null 2>&1 ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null
}

start_nginx() {
  pid_of "$RUN/nginx.pid" nginx >/dev/null && return
  install_nginx
  say "starting nginx on 127.0.0.1:$NGINX_PORT"
  mkdir -p "$RUN/nginx-tmp"
  render scripts/stack/nginx.conf "PORT=$NGINX_PORT" "RUN=$RUN" "LOG=$LOG" \
    "APP_A=127.0.0.1:${APP_PORT[a]}" "APP_B=127.0.0.1:${APP_PORT[b]}" \
    "STATIC_ROOT=$STACK_DIR/static" >"$RUN/nginx.conf"
  nginx -e "$LOG/nginx-error.log" -p "$RUN" -c "$RUN/nginx.conf" ||
    die "nginx did not start (log: $LOG/nginx-error.log)"
}

wait_healthy() {
  local url=$1 log=$2
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/healthz")" = 200 ] && return
    sleep 0.1
  done
  tail -n 30 "$log" >&2
  die "$url/healthz did not answer 200 within 60 s (log: $log)"
}

# --- commands ----------------------------------------------------------------------------------

check_scale() {
  if [ -f "$STACK_DIR/scale" ]; then
    local existing
    existing=$(cat "$STACK_DIR/scale")
    if [ -n "$REQUESTED_SCALE" ] && [ "$REQUESTED_SCALE" != "$existing" ]; then
      die "the stack in $STACK_DIR holds the dataset '$existing'; to load $REQUESTED_SCALE run" \
        "'bash scripts/stack.sh stop --purge' first"
    fi
    SCALE=$existing
  else
    SCALE=${REQUESTED_SCALE:-city}
  fi
}

cmd_start() {
  local started=$SECONDS
  mkdir -p "$STACK_DIR" "$RUN" "$LOG" "$STACK_DIR/mail" "$STACK_DIR/static" "$STACK_DIR/media"
  touch "$MARKER"
  set_pg_dirs
  check_scale
  source scripts/bootstrap.sh base
  write_env
  load_env
  start_postgres
  start_redis
  prepare_database
  start_app a
  start_app b
  start_manage_process worker db_worker
  start_manage_process scheduler run_scheduler
  start_nginx
  wait_healthy "http://127.0.0.1:${APP_PORT[a]}" "$LOG/app-a.log"
  wait_healthy "http://127.0.0.1:${APP_PORT[b]}" "$LOG/app-b.log"
  wait_healthy "http://127.0.0.1:$NGINX_PORT" "$LOG/nginx-error.log"
  say "up in $((SECONDS - started)) s at http://127.0.0.1:$NGINX_PORT (dataset: $SCALE);" \
    "environment: $ENV_FILE"
}

cmd_stop() {
  local purge=${1:-}
  if [ -d "$STACK_DIR" ]; then
    stop_pid nginx "$RUN/nginx.pid" nginx QUIT
    stop_pid scheduler "$RUN/scheduler.pid" run_scheduler TERM group
    stop_pid worker "$RUN/worker.pid" db_worker TERM group
    stop_pid "app server b" "$RUN/app-b.pid" gunicorn TERM
    stop_pid "app server a" "$RUN/app-a.pid" gunicorn TERM
    rm -f "$RUN"/app-?.launch
    stop_pid Redis "$RUN/redis.pid" redis-server TERM
    local name dir
    for name in replica primary; do
      dir=$([ $name = primary ] && echo "$PRIMARY_DIR" || echo "$REPLICA_DIR")
      if [ -f "$dir/PG_VERSION" ] && pg_running "$dir"; then
        as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 120 stop >/dev/null
        say "PostgreSQL $name stopped"
      fi
    done
  fi
  if [ "$purge" = --purge ]; then
    if [ -d "$STACK_DIR" ] && [ ! -f "$MARKER" ]; then
      die "$STACK_DIR does not look like a stack directory (no $MARKER); not deleting it"
    fi
    rm -rf "$(dirname "$PRIMARY_DIR")" "$STACK_DIR"
    say "deleted $STACK_DIR"
  fi
}

status_line() {
  printf '%-20s %-5s pid %-8s %s\n' "$1" "$2" "${3:--}" "$4"
}

cmd_status() {
  local all_up=0 pid name dir port
  for name in primary replica; do
    dir=$([ $name = primary ] && echo "$PRIMARY_DIR" || echo "$REPLICA_DIR")
    port=$([ $name = primary ] && echo "$PG_PORT" || echo "$REPLICA_PORT")
    if [ -f "$dir/postmaster.pid" ] && pg_running "$dir"; then
      status_line "postgres-$name" up "$(head -n1 "$dir/postmaster.pid")" "127.0.0.1:$port"
    else
      status_line "postgres-$name" down "" "127.0.0.1:$port" && all_up=1
    fi
  done
  local parts=(
    "redis|$RUN/redis.pid|redis-server|127.0.0.1:$REDIS_PORT"
    "app-a|$RUN/app-a.pid|gunicorn|127.0.0.1:${APP_PORT[a]}"
    "app-b|$RUN/app-b.pid|gunicorn|127.0.0.1:${APP_PORT[b]}"
    "worker|$RUN/worker.pid|db_worker|-"
    "scheduler|$RUN/scheduler.pid|run_scheduler|-"
    "nginx|$RUN/nginx.pid|nginx|127.0.0.1:$NGINX_PORT"
  )
  local part file pattern
  for part in "${parts[@]}"; do
    IFS='|' read -r name file pattern port <<<"$part"
    if pid=$(pid_of "$file" "$pattern"); then
      status_line "$name" up "$pid" "$port"
    else
      status_line "$name" down "" "$port" && all_up=1
    fi
  done
  return $all_up
}

cmd_restart_postgres() {
  pg_running "$PRIMARY_DIR" || die "the PostgreSQL primary is not running"
  as_postgres "$PG_BIN/pg_ctl" -D "$PRIMARY_DIR" -m fast -w -t 120 restart >/dev/null
  for _ in $(seq 600); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && { say "PostgreSQL primary restarted"; return; }
    sleep 0.1
  done
  die "the PostgreSQL primary does not accept connections after the restart"
}

app_argument() {
  case "${1:-}" in
    a | b) ;;
    *) die "which app server: a or b" ;;
  esac
}

cmd_kill_app() {
  local pid
  pid=$(pid_of "$RUN/app-$1.pid" gunicorn) || die "app server $1 is not running"
  kill_group "$pid"
  rm -f "$RUN/app-$1.pid" "$RUN/app-$1.launch"
  say "app server $1 killed (SIGKILL to pid $pid and its workers)"
}

cmd_start_app() {
  [ -f "$ENV_FILE" ] || die "no stack in $STACK_DIR; run 'bash scripts/stack.sh start' first"
  source scripts/bootstrap.sh base
  load_env
  start_app "$1"
  wait_healthy "http://127.0.0.1:${APP_PORT[$1]}" "$LOG/app-$1.log"
  say "app server $1 is up"
}

main() {
  local command=${1:-}
  shift || true
  set_pg_dirs
  case "$command" in
    start)
      REQUESTED_SCALE=
      while [ $# -gt 0 ]; do
        case "$1" in
          --scale) REQUESTED_SCALE=${2:-} && shift 2 ;;
          --scale=*) REQUESTED_SCALE=${1#--scale=} && shift ;;
          *) die "unknown option $1" ;;
        esac
      done
      case "$REQUESTED_SCALE" in
        "" | city | region | national) ;;
        *) die "--scale is city, region or national" ;;
      esac
      cmd_start
      ;;
    stop)
      [ $# -eq 0 ] || [ "$1" = --purge ] || die "stop takes only --purge"
      cmd_stop "${1:-}"
      ;;
    status) cmd_status ;;
    restart-postgres) cmd_restart_postgres ;;
    kill-app) app_argument "${1:-}" && cmd_kill_app "$1" ;;
    start-app) app_argument "${1:-}" && cmd_start_app "$1" ;;
    *)
      sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
      [ -n "$command" ] && [ "$command" != help ] && exit 2
      ;;
  esac
}

main "$@"
