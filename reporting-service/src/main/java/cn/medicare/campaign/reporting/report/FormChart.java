package cn.medicare.campaign.reporting.report;

/** A chart printed with the forms (a bulletin's 走势图): its sheet or section name, its title, the picture. */
record FormChart(String sheet, String title, byte[] png) {
}
