"""nianbao: harvest, parse and publish 政府信息公开工作年度报告."""
