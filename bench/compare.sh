#!/usr/bin/env bash
# Runs the libtorch peer (TorchSharp, ../shared/peer/torchsharp) and Sharpgrad's quick runner on the
# same workloads, interleaved (peer, Sharpgrad, Sharpgrad, peer, ...) so both see the same machine,
# then prints metric / libtorch / Sharpgrad / ratio / target / pass-fail (issue 6's targets).
# Usage: bench/compare.sh [LABEL]
#   env PEER_DIR=...   the peer's folder (default: ../shared/peer/torchsharp next to the repo, else /work/shared/...)
#   env NO_PEER=1      skip the peer (Sharpgrad's column only; also what happens if it cannot run)
#   env MEM_REPS=2     fresh processes per memory mode and side (the peer's run-all.sh uses 3)
#   env VERBOSE=1      echo every raw line, not only progress
# Raw lines: bench/results/LABEL/{peer,sharpgrad}/*.txt; the table: bench/results/LABEL/table.txt.
# The first peer run prepares a private dotnet host (torch-oracle-setup.sh, a few minutes).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LABEL=${1:-$(date -u +%Y%m%dT%H%M%SZ)}
OUT=${COMPARE_OUT:-$ROOT/bench/results/$LABEL}
MEM_REPS=${MEM_REPS:-2}
mkdir -p "$OUT/peer" "$OUT/sharpgrad"
log() { echo "[compare] $*" >&2; }

# ---- Sharpgrad ----
log "building Sharpgrad.Bench (Release)"
dotnet build "$ROOT/bench/Sharpgrad.Bench" -c Release -nologo -v q >"$OUT/sharpgrad-build.log" 2>&1 \
  || { cat "$OUT/sharpgrad-build.log" >&2; log "Sharpgrad build failed"; exit 1; }
SG_DLL=$ROOT/bench/Sharpgrad.Bench/bin/Release/net10.0/Sharpgrad.Bench.dll

# ---- the peer (optional) ----
PEER_DIR=${PEER_DIR:-}
if [ -z "$PEER_DIR" ]; then
  for d in "$ROOT/../shared/peer/torchsharp" "/work/shared/peer/torchsharp"; do
    [ -f "$d/Program.cs" ] && { PEER_DIR=$(cd "$d" && pwd); break; }
  done
fi
PEER_OK=0
if [ "${NO_PEER:-0}" != 1 ] && [ -n "$PEER_DIR" ] && [ -f "$PEER_DIR/Program.cs" ]; then
  ORACLE=$(cd "$PEER_DIR/../oracle" 2>/dev/null && pwd)
  log "preparing the libtorch peer host (first time: minutes)"
  if [ -n "$ORACLE" ] && "$ORACLE/torch-oracle-setup.sh" >"$OUT/peer-setup.log" 2>&1; then
    PB=$(mktemp -d)
    trap 'rm -rf "$PB"' EXIT
    cp "$PEER_DIR"/*.cs "$PEER_DIR"/*.csproj "$PB"/
    log "building the peer"
    if (cd "$PB" && dotnet build -c Release -nologo -v q >"$OUT/peer-build.log" 2>&1); then
      PEER_DLL=$PB/bin/Release/net10.0/PeerTorchSharp.dll
      if "$ORACLE/torch-oracle-run.sh" "$PEER_DLL" info >"$OUT/peer/info.txt" 2>&1; then PEER_OK=1; fi
    fi
  fi
  [ $PEER_OK = 1 ] || log "libtorch peer unavailable (see $OUT/peer-*.log): Sharpgrad only"
else
  log "libtorch peer skipped: Sharpgrad only"
fi

run_side() { # side name args...
  local side=$1 name=$2; shift 2
  local file="$OUT/$side/$name.txt"
  log "$side $*"
  if [ "$side" = peer ]; then
    if [ "${VERBOSE:-0}" = 1 ]; then "$ORACLE/torch-oracle-run.sh" "$PEER_DLL" "$@" 2>&1 | tee -a "$file"
    else "$ORACLE/torch-oracle-run.sh" "$PEER_DLL" "$@" >>"$file" 2>&1; fi
  else
    if [ "${VERBOSE:-0}" = 1 ]; then dotnet "$SG_DLL" "$@" 2>&1 | tee -a "$file"
    else dotnet "$SG_DLL" "$@" >>"$file" 2>&1; fi
  fi || log "$side $* failed (exit $?)"
}

# Alternate which side goes first, so neither always inherits the other's cache/thermal state.
i=0
step() { # name args...
  if [ $((i % 2)) = 0 ]; then
    [ $PEER_OK = 1 ] && run_side peer "$@"
    run_side sharpgrad "$@"
  else
    run_side sharpgrad "$@"
    [ $PEER_OK = 1 ] && run_side peer "$@"
  fi
  i=$((i + 1))
}

step overhead.t2 overhead 2
step mlp-train.t2 mlp-train 2
step mlp-fwd.t2 mlp-fwd 2
step sgemm.t2 sgemm 2
step sgemm.t1 sgemm 1
step bandwidth.t2 bandwidth 2
for rep in $(seq 1 "$MEM_REPS"); do
  for m in default no_grad inference; do step "memory.$m" memory 2 "$m"; done
done
run_side sharpgrad ledger ledger 2

PEER_RESULTS="$OUT/peer"
[ $PEER_OK = 1 ] || PEER_RESULTS=""
python3 "$ROOT/bench/compare_table.py" "$PEER_RESULTS" "$OUT/sharpgrad" "${@:2}" | tee "$OUT/table.txt"
echo "raw lines: $OUT" >&2
