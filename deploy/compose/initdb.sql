-- Each service owns one database on the shared server (ARCHITECTURE.md).
create database enrollment;
create database subsidy;
create database tax;
create database reporting;
