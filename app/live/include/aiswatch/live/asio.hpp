// asio.hpp — the Boost.Asio headers of aiswatch's live code, included through this one file.
//
// Why: with GCC 12 at -O2/-O3, Asio 1.74's scheduler (detail/impl/scheduler.ipp, compiled into every
// translation unit in header-only mode) trips -Wnull-dereference after inlining — a false positive in
// code we do not own, which -Werror would turn into a build failure. The warning is silenced for the
// Asio headers only and stays on for our code.
//
//   #include "aiswatch/live/asio.hpp"
//   boost::asio::io_context io;
//   boost::asio::signal_set signals(io, SIGINT, SIGTERM);
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <boost/asio/connect.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#pragma GCC diagnostic pop
